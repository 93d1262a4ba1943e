# The configuration of plan.json (made with `terraform plan -refresh=false -out p` and
# `terraform show -json p`, Terraform 1.11.4 and hashicorp/aws v5.100.0, offline: see
# tests/terraform.rs). Its mistakes are on purpose.

terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "5.100.0"
    }
  }
}

provider "aws" {
  region                      = "us-east-1"
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
}

variable "image" {
  type    = string
  default = "public.ecr.aws/nginx/nginx:1.27"
}

variable "memory" {
  type    = number
  default = 512
}

resource "aws_ecs_task_definition" "web" {
  family                   = "web"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = var.memory
  container_definitions = jsonencode([
    {
      name         = "web"
      image        = var.image
      essential    = true
      portMappings = [{ containerPort = 8080, hostPort = 80 }]
      environment  = [{ name = "GREETING", value = "say \"hi\" <b>" }]
      healthCheck  = { command = ["CMD-SHELL", "curl -f http://localhost:8080/ || exit 1"], interval = 2 }
    },
  ])
}

resource "aws_ecs_service" "web" {
  name            = "web"
  cluster         = "arn:aws:ecs:us-east-1:123456789012:cluster/main"
  task_definition = aws_ecs_task_definition.web.arn
  desired_count   = 2
  launch_type     = "FARGATE"

  network_configuration {
    subnets         = ["subnet-12345678"]
    security_groups = ["sg-12345678"]
  }

  load_balancer {
    target_group_arn = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef"
    container_name   = "web"
    container_port   = 80
  }
}
