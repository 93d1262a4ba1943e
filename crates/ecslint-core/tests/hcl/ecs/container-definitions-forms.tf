# The shapes `container_definitions` takes in real configurations (written for ecslint's
# tests; `terraform fmt` accepts this file).

variable "image" {
  type    = string
  default = "public.ecr.aws/nginx/nginx:1.27"
}

variable "cpu" {
  default = 256
}

locals {
  name        = "web"
  environment = [{ name = "MODE", value = "production" }]
  port        = 8080
}

resource "aws_ecs_task_definition" "jsonencode" {
  family                   = "web"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = var.cpu
  memory                   = "512"
  container_definitions = jsonencode([
    {
      name         = local.name
      image        = var.image
      essential    = true
      portMappings = [{ containerPort = local.port, protocol = "tcp" }]
      environment  = local.environment
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          "awslogs-group"         = "/ecs/web"
          "awslogs-region"        = "us-east-1"
          "awslogs-stream-prefix" = "web"
        }
      }
    }
  ])

  volume {
    name = "data"
    efs_volume_configuration {
      file_system_id     = "fs-12345678"
      transit_encryption = "ENABLED"
    }
  }
}

resource "aws_ecs_task_definition" "heredoc" {
  family                = "worker"
  container_definitions = <<DEFINITION
[
  {
    "name": "worker",
    "image": "${var.image}",
    "cpu": ${var.cpu},
    "memory": 512,
    "essential": true
  }
]
DEFINITION
}

resource "aws_ecs_task_definition" "indented_heredoc" {
  family                = "worker"
  container_definitions = <<-EOT
    [
      {
        "name": "worker",
        "image": "busybox",
        "command": ["sh", "-c", "echo $${HOME}"],
        "essential": true
      }
    ]
  EOT
}

resource "aws_ecs_task_definition" "quoted" {
  family                = "tiny"
  container_definitions = "[{\"name\": \"tiny\", \"image\": \"busybox\", \"essential\": true, \"memory\": 128}]"
}

resource "aws_ecs_task_definition" "file" {
  family                = "from-file"
  container_definitions = file("${path.module}/containers.json")
}

resource "aws_ecs_task_definition" "templatefile" {
  family = "from-template"
  container_definitions = templatefile("${path.module}/containers.json.tpl", {
    image = var.image
    port  = local.port
  })
}

resource "aws_ecs_service" "web" {
  count           = var.cpu > 0 ? 1 : 0
  name            = "web-${count.index}"
  cluster         = "arn:aws:ecs:us-east-1:123456789012:cluster/main"
  task_definition = aws_ecs_task_definition.jsonencode.arn
  desired_count   = 2
  launch_type     = "FARGATE"

  network_configuration {
    subnets          = ["subnet-12345678"]
    assign_public_ip = false
  }

  dynamic "load_balancer" {
    for_each = { for k, v in { web = local.port } : k => v if v > 0 }
    content {
      target_group_arn = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef"
      container_name   = load_balancer.key
      container_port   = load_balancer.value
    }
  }

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  lifecycle {
    ignore_changes = [desired_count]
  }
}
