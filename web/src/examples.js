// The playground's examples: the JSON, YAML and Terraform files in web/examples/, bundled as text
// (esbuild's `text` loader) so that they keep their formatting.
import fargateTask from '../examples/fargate-web-taskdef.json';
import fargateService from '../examples/fargate-web-service.json';
import ec2Bridge from '../examples/ec2-bridge-taskdef.json';
import windows from '../examples/windows-taskdef.json';
import terraform from '../examples/terraform-container-definitions.json';
import brokenTask from '../examples/broken-taskdef.json';
import brokenService from '../examples/broken-service.json';
import mismatchedTask from '../examples/mismatched-taskdef.json';
import mismatchedService from '../examples/mismatched-service.json';
import template from '../examples/cloudformation-template.yaml';
import terraformService from '../examples/terraform-service.tf';

/** @type {{ id: string, group: string, title: string, mode: 'task' | 'service' | 'pair', task?: string, service?: string, name?: string }[]} */
export const EXAMPLES = [
  { id: 'fargate-web', group: 'Clean', title: 'Fargate web service (task definition + service)', mode: 'pair', task: fargateTask, service: fargateService },
  { id: 'fargate-web-task', group: 'Clean', title: 'Fargate web task definition', mode: 'task', task: fargateTask },
  { id: 'ec2-bridge', group: 'Clean', title: 'EC2, bridge mode, dynamic host ports', mode: 'task', task: ec2Bridge },
  { id: 'windows', group: 'Clean', title: 'Windows Server 2022 on Fargate', mode: 'task', task: windows },
  { id: 'terraform', group: 'Clean', title: "Terraform's container_definitions array", mode: 'task', task: terraform },
  { id: 'broken-task', group: 'With mistakes', title: 'Task definition copied from describe output', mode: 'task', task: brokenTask },
  { id: 'broken-service', group: 'With mistakes', title: 'Service with wrong types and read-only fields', mode: 'service', service: brokenService },
  { id: 'mismatched', group: 'With mistakes', title: 'Service and task definition that do not match', mode: 'pair', task: mismatchedTask, service: mismatchedService },
  { id: 'terraform-service', group: 'With mistakes', title: 'Terraform: a Fargate service and its task definition (main.tf)', mode: 'task', task: terraformService, name: 'main.tf' },
  { id: 'cloudformation', group: 'With mistakes', title: 'CloudFormation template (YAML): task definition, service, target group', mode: 'task', task: template, name: 'template.yaml' },
];
