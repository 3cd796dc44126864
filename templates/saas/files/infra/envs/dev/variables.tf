variable "aws_region" {
  description = "AWS region of every resource"
  type        = string
  default     = "{{ answers.awsRegion }}"
}

variable "environment" {
  description = "Environment name"
  type        = string
  default     = "dev"
}

variable "allowed_origins" {
  description = "Origins allowed to call the API cross-origin. [\"*\"] is fine in dev; stg and prd must list explicit origins."
  type        = list(string)
  default     = ["*"]
}

variable "image_tag" {
  description = "Image tag the service runs"
  type        = string
  default     = "latest"
}

variable "cpu" {
  description = "App Runner vCPU units"
  type        = string
  default     = "{{ answers.appRunnerCpu }}"
}

variable "memory" {
  description = "App Runner memory in MB"
  type        = string
  default     = "{{ answers.appRunnerMemory }}"
}

variable "secret_arns" {
  description = "Secret environment variables: name => ARN of a Secrets Manager secret or SSM parameter (see terraform.tfvars.example)"
  type        = map(string)
  default     = {}
}

variable "environment_variables" {
  description = "Extra plain environment variables; they override the defaults set in main.tf"
  type        = map(string)
  default     = {}
}
