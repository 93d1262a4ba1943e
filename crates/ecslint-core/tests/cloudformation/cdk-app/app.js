const cdk = require('aws-cdk-lib');
const ec2 = require('aws-cdk-lib/aws-ec2');
const ecs = require('aws-cdk-lib/aws-ecs');
const patterns = require('aws-cdk-lib/aws-ecs-patterns');
const logs = require('aws-cdk-lib/aws-logs');
const app = new cdk.App({ outdir: 'cdk.out' });
const stack = new cdk.Stack(app, 'WebStack', { env: { account: '123456789012', region: 'eu-west-1' } });
const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2 });
const cluster = new ecs.Cluster(stack, 'Cluster', { vpc });
new patterns.ApplicationLoadBalancedFargateService(stack, 'Web', {
  cluster, cpu: 512, memoryLimitMiB: 1024, desiredCount: 2,
  taskImageOptions: { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'), containerPort: 80,
    environment: { STAGE: 'prod' } },
  circuitBreaker: { rollback: true },
});
const td = new ecs.FargateTaskDefinition(stack, 'Worker', { cpu: 256, memoryLimitMiB: 512,
  runtimePlatform: { cpuArchitecture: ecs.CpuArchitecture.ARM64, operatingSystemFamily: ecs.OperatingSystemFamily.LINUX } });
td.addContainer('worker', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/docker/library/busybox:1.36'),
  command: ['sh', '-c', 'sleep 3600'], logging: ecs.LogDrivers.awsLogs({ streamPrefix: 'worker', logRetention: logs.RetentionDays.ONE_WEEK }),
  healthCheck: { command: ['CMD-SHELL', 'true'], interval: cdk.Duration.seconds(30) } });
new ecs.FargateService(stack, 'WorkerService', { cluster, taskDefinition: td, desiredCount: 1, enableExecuteCommand: true });
const ec2td = new ecs.Ec2TaskDefinition(stack, 'Bridge', { networkMode: ecs.NetworkMode.BRIDGE });
ec2td.addContainer('app', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'), memoryReservationMiB: 256,
  portMappings: [{ containerPort: 80 }] });
app.synth();
