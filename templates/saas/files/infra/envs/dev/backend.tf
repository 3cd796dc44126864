# State lives in S3 with S3-native locking (Terraform >= 1.10). Create the bucket once:
#   aws s3api create-bucket --bucket {{ project.repoName }}-tfstate-{{ answers.awsAccountId }} --region {{ answers.awsRegion }}{% if answers.awsRegion != "us-east-1" %} \
#     --create-bucket-configuration LocationConstraint={{ answers.awsRegion }}{% endif %}
#   aws s3api put-bucket-versioning --bucket {{ project.repoName }}-tfstate-{{ answers.awsAccountId }} --versioning-configuration Status=Enabled
terraform {
  backend "s3" {
    bucket       = "{{ project.repoName }}-tfstate-{{ answers.awsAccountId }}"
    key          = "envs/dev/terraform.tfstate"
    region       = "{{ answers.awsRegion }}"
    encrypt      = true
    use_lockfile = true
  }
}
