# {{ project.displayName }} — dev environment: the app on AWS App Runner.
# Copy this folder to envs/stg or envs/prd, change `environment`, the backend key and
# `allowed_origins` (explicit origins only outside dev).

locals {
  # Non-secret settings of the modules this project was created with (see .env.example).
  module_environment = [
{%- for e in contributions.env %}{% if e.module != "template" and e.secret == false and e.default %}
    { name = {{ e.name | json }}, value = {{ e.default | json }} },
{%- endif %}{% endfor %}
  ]
}

module "app" {
  source = "../../modules/app-runner"

  name_prefix       = "{{ project.name }}"
  environment       = var.environment
  app_name          = "app"
  port              = {{ answers.port }}
  health_check_path = "/api/health"
  cpu               = var.cpu
  memory            = var.memory
  image_tag         = var.image_tag
  cors_origins      = var.allowed_origins

  environment_variables = merge(
    { for setting in local.module_environment : setting.name => setting.value },
    { DB_MIGRATE_ON_START = "true" },
    var.environment_variables,
  )
  environment_secrets = var.secret_arns

  tags = {
    App = "app"
  }
}

output "app_url" {
  description = "URL of the running app"
  value       = module.app.service_url
}

output "service_arn" {
  description = "App Runner service ARN"
  value       = module.app.service_arn
}

output "ecr_repository_url" {
  description = "Where the deploy workflow pushes images"
  value       = module.app.ecr_repository_url
}
