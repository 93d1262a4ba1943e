resource "aws_ecs_task_definition" "app" {
  family                = "app"
  container_definitions = "[{\"name\": \"app\", \"image\": \"busybox\", \"command\": [\"echo\", \"\$HOME\"]}]"
}
