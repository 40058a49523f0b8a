// Source: https://github.com/aws-solutions/centralized-logging-with-opensearch
//   source/constructs/lib/kinesis/kds-stack.ts (the Application Auto Scaling custom-resource API)
// Commit fa9ef4e (2026-01-14). Licence: Apache-2.0.
// Reproduced: MyApi, a regional SpecRestApi with an inline Swagger 2 definition: GET and PATCH
// /scalableTargetDimensions/{scalableTargetDimensionId}, both aws_proxy to the scaler Lambda with SigV4 (IAM) auth,
// and deployOptions `cachingEnabled: true, cacheDataEncrypted: true` (no cacheClusterEnabled), exactly as written.
// Simplified: the Lambda is inline; access logs, request validator, the ScalableTarget and its alarms left out.
import { App, Aws, Stack } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as lambda from 'aws-cdk-lib/aws-lambda';

export default function build(app: App): Stack {
  const stack = new Stack(app, 'KDSStack');
  const scaler = new lambda.Function(stack, 'KDSScaler', {
    runtime: lambda.Runtime.NODEJS_20_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline('exports.handler = async () => ({})'),
  });
  const integration = {
    httpMethod: 'POST',
    type: 'aws_proxy',
    uri: `arn:${Aws.PARTITION}:apigateway:${Aws.REGION}:lambda:path/2015-03-31/functions/${scaler.functionArn}/invocations`,
  };
  new apigateway.SpecRestApi(stack, 'MyApi', {
    endpointTypes: [apigateway.EndpointType.REGIONAL],
    parameters: { endpointConfigurationTypes: 'REGIONAL' },
    cloudWatchRole: true,
    deployOptions: {
      loggingLevel: apigateway.MethodLoggingLevel.INFO,
      dataTraceEnabled: true,
      cacheDataEncrypted: true,
      cachingEnabled: true,
    },
    apiDefinition: apigateway.ApiDefinition.fromInline({
      info: { title: { Ref: 'AWS::StackName' } },
      paths: {
        '/scalableTargetDimensions/{scalableTargetDimensionId}': {
          get: { security: [{ sigv4: [] }], 'x-amazon-apigateway-integration': integration, responses: {} },
          patch: { security: [{ sigv4: [] }], 'x-amazon-apigateway-integration': integration, responses: {} },
        },
      },
      swagger: 2,
      securityDefinitions: {
        sigv4: { in: 'header', type: 'apiKey', name: 'Authorization', 'x-amazon-apigateway-authtype': 'awsSigv4' },
      },
    }),
  });
  return stack;
}
