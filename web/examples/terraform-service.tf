# A Fargate service and its task definition, as Terraform writes them: the findings name the
# arguments as written (`network_mode`, `container_definitions[0].portMappings[0].hostPort`).

variable "image" {
  type    = string
  default = "public.ecr.aws/nginx/nginx:1.27"
}

resource "aws_ecs_task_definition" "web" {
  family                   = "web"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 4096
  execution_role_arn       = "arn:aws:iam::123456789012:role/ecsTaskExecutionRole"

  container_definitions = jsonencode([
    {
      name         = "web"
      image        = var.image
      essential    = true
      portMappings = [{ containerPort = 8080, hostPort = 80 }]
      healthCheck = {
        command  = ["CMD-SHELL", "curl -f http://localhost:8080/health || exit 1"]
        interval = 2
      }
    }
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
