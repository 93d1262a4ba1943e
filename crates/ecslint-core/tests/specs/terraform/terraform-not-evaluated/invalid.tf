module "container" {
  source = "./container"
}

resource "aws_ecs_task_definition" "app" {
  for_each = toset(["blue", "green"])

  family                = "app-${each.key}"
  container_definitions = module.container.json

  dynamic "volume" {
    for_each = var.volumes
    content {
      name = volume.key
    }
  }
}
