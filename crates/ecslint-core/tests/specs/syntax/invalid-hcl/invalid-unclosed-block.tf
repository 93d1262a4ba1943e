resource "aws_ecs_service" "web" {
  name          = "web"
  desired_count = 2

resource "aws_ecs_service" "api" {
  name = "api"
}
