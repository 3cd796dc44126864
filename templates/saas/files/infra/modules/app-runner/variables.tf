variable "name_prefix" {
  description = "Prefix of every resource name, usually the project name"
  type        = string

  # App Runner service names stop at 40 characters: "<prefix>-<environment>-<app_name>".
  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,19}$", var.name_prefix))
    error_message = "name_prefix must be 2-20 lowercase letters, digits or dashes."
  }
}

variable "environment" {
  description = "Environment name: dev, stg or prd"
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,15}$", var.environment))
    error_message = "environment must be a short lowercase name such as dev, stg or prd."
  }
}

variable "app_name" {
  description = "Name of the app inside the project"
  type        = string
  default     = "app"

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,9}$", var.app_name))
    error_message = "app_name must be 2-10 lowercase letters, digits or dashes."
  }
}

variable "port" {
  description = "Port the container listens on"
  type        = number
}

variable "health_check_path" {
  description = "HTTP path App Runner probes; must answer 200 when the app is healthy"
  type        = string
  default     = "/api/health"
}

variable "cpu" {
  description = "vCPU units: 256, 512, 1024, 2048 or 4096"
  type        = string
  default     = "1024"
}

variable "memory" {
  description = "Memory in MB (must fit the CPU setting, see the App Runner docs)"
  type        = string
  default     = "2048"
}

variable "min_instances" {
  description = "Instances kept running at all times"
  type        = number
  default     = 1
}

variable "max_instances" {
  description = "Most instances App Runner scales out to"
  type        = number
  default     = 3
}

variable "max_concurrency" {
  description = "Concurrent requests per instance before App Runner scales out"
  type        = number
  default     = 100
}

variable "image_tag" {
  description = "Tag of the image in the ECR repository that the service runs"
  type        = string
  default     = "latest"
}

variable "auto_deploy" {
  description = "Redeploy automatically when the tag is pushed again (the deploy workflow starts deployments itself)"
  type        = bool
  default     = false
}

variable "max_images" {
  description = "Tagged images kept in the ECR repository; older ones expire"
  type        = number
  default     = 10
}

variable "cors_origins" {
  description = "Origins allowed to call the API cross-origin; [\"*\"] is only accepted in dev"
  type        = list(string)
}

variable "environment_variables" {
  description = "Plain environment variables of the service"
  type        = map(string)
  default     = {}
}

variable "environment_secrets" {
  description = "Secret environment variables: name => ARN of a Secrets Manager secret or SSM parameter"
  type        = map(string)
  default     = {}
}

variable "tags" {
  description = "Tags added to every resource"
  type        = map(string)
  default     = {}
}
