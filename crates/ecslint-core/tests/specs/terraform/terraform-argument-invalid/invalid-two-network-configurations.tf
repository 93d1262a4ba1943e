resource "aws_ecs_service" "web" {
  name            = "web"
  task_definition = "web:3"
  launch_type     = "FARGATE"
  desired_count   = 1

  network_configuration {
    subnets = ["subnet-12345678"]
  }

  network_configuration {
    subnets = ["subnet-87654321"]
  }
}
