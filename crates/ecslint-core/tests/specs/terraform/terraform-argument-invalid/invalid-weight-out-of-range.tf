resource "aws_ecs_service" "web" {
  name            = "web"
  task_definition = "web:3"
  desired_count   = 2

  capacity_provider_strategy {
    capacity_provider = "FARGATE"
    weight            = 2000
  }
}
