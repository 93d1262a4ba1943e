resource "aws_ecs_task_definition" "app" {
  family                = "app"
  execution_role_arn    = "ecsTaskExecutionRole"
  container_definitions = jsonencode([{ name = "app", image = "busybox:1.36", memory = 128 }])
}
