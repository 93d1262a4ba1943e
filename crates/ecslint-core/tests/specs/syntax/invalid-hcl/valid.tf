resource "aws_ecs_service" "web" {
  name          = "web"
  desired_count = 2
  launch_type   = "EC2"
}
