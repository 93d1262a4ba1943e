resource "aws_ecs_service" "web" {
  name            = "web"
  task_definition = "web:3"
  launch_type     = "MANAGED_INSTANCES"
  desired_count   = 1
}
