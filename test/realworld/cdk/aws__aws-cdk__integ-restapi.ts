// Source: https://github.com/aws/aws-cdk
//   packages/@aws-cdk-testing/framework-integ/test/aws-apigateway/test/integ.restapi.ts
// Commit 1fcd32c7c4e83f2d6427e96e09913ffa738a5f57. Licence: Apache-2.0.
// Reproduced: stack test-apigateway-restapi: RestApi my-api with deployOptions cacheClusterEnabled: true, stage
// beta and methodOptions '/api/appliances/GET' { cachingEnabled: true } (a path the API does not have), resources
// /v1/toys (GET Lambda with apiKeyRequired, POST, PUT mock), /v1/$appliances:all (GET mock), /v1/books (GET, POST
// Lambda proxy), an API key + usage plan, and a second Deployment/Stage TestStage. Simplified: the IntegTest
// wrapper and the handler code body left out; runtime fixed.
import * as cdk from 'aws-cdk-lib';
import { Size } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as lambda from 'aws-cdk-lib/aws-lambda';

export default function build(app: cdk.App): cdk.Stack {
  const stack = new cdk.Stack(app, 'test-apigateway-restapi');
  const api = new apigateway.RestApi(stack, 'my-api', {
    retainDeployments: true,
    cloudWatchRole: true,
    minCompressionSize: Size.bytes(1024),
    description: 'api description',
    deployOptions: {
      cacheClusterEnabled: true,
      stageName: 'beta',
      description: 'beta stage',
      loggingLevel: apigateway.MethodLoggingLevel.INFO,
      dataTraceEnabled: true,
      methodOptions: { '/api/appliances/GET': { cachingEnabled: true } },
    },
    mode: apigateway.RestApiMode.MERGE,
  });
  const handler = new lambda.Function(stack, 'MyHandler', {
    runtime: lambda.Runtime.NODEJS_20_X,
    code: lambda.Code.fromInline('exports.handler = async (event) => ({ statusCode: 200, body: JSON.stringify(event) })'),
    handler: 'index.handler',
  });
  const v1 = api.root.addResource('v1');
  const integration = new apigateway.LambdaIntegration(handler);
  const toys = v1.addResource('toys');
  const getToysMethod = toys.addMethod('GET', integration, { apiKeyRequired: true });
  toys.addMethod('POST');
  toys.addMethod('PUT');
  v1.addResource('$appliances:all').addMethod('GET');
  const books = v1.addResource('books');
  books.addMethod('GET', integration);
  books.addMethod('POST', integration);
  const key = api.addApiKey('ApiKey');
  const plan = api.addUsagePlan('UsagePlan', {
    name: 'Basic',
    apiKey: key,
    throttle: { rateLimit: 5 },
    quota: { limit: 10000, period: apigateway.Period.MONTH },
  });
  plan.addApiStage({ stage: api.deploymentStage, throttle: [{ method: getToysMethod, throttle: { rateLimit: 10, burstLimit: 2 } }] });
  const testDeploy = new apigateway.Deployment(stack, 'TestDeployment', { api, retainDeployments: false });
  const testStage = new apigateway.Stage(stack, 'TestStage', { deployment: testDeploy });
  testStage.addApiKey('MyTestApiKey');
  return stack;
}
