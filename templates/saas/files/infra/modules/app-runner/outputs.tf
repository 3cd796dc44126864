output "service_url" {
  description = "HTTPS URL of the service"
  value       = "https://${aws_apprunner_service.app.service_url}"
}

output "service_arn" {
  description = "ARN of the App Runner service (for aws apprunner start-deployment)"
  value       = aws_apprunner_service.app.arn
}

output "service_name" {
  description = "Name of the App Runner service"
  value       = aws_apprunner_service.app.service_name
}

output "ecr_repository_url" {
  description = "ECR repository the deploy workflow pushes images to"
  value       = aws_ecr_repository.app.repository_url
}

output "instance_role_arn" {
  description = "Role the running container assumes"
  value       = aws_iam_role.instance.arn
}
