resource "aws_ecs_task_definition" "app" {
  family                = "my.app"
  container_definitions = jsonencode([{ name = "app", image = "busybox:1.36", memory = 128 }])
}
