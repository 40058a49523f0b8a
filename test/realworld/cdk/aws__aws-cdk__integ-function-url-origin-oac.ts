// Source: https://github.com/aws/aws-cdk
//   packages/@aws-cdk-testing/framework-integ/test/aws-cloudfront-origins/test/integ.function-url-origin-oac.ts
// Commit 4eb9931f4fdc7b2ddeb2363951975844da6d0f34. Licence: Apache-2.0.
// Reproduced: stack integ-cloudfront-function-url-origin-oac: MyFunction with an AWS_IAM Function URL behind a
// Distribution whose default behaviour is FunctionUrlOrigin.withOriginAccessControl and CDK defaults (GET_HEAD,
// CachingOptimized). Simplified: the IntegTest assertions left out.
import * as cdk from 'aws-cdk-lib';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as lambda from 'aws-cdk-lib/aws-lambda';

export default function build(app: cdk.App): cdk.Stack {
  const stack = new cdk.Stack(app, 'integ-cloudfront-function-url-origin-oac');
  const fn = new lambda.Function(stack, 'MyFunction', {
    code: lambda.Code.fromInline("exports.handler = async () => ({ statusCode: 200, body: 'Hello!!' });"),
    handler: 'index.handler',
    runtime: lambda.Runtime.NODEJS_20_X,
  });
  const fnUrl = fn.addFunctionUrl({ authType: lambda.FunctionUrlAuthType.AWS_IAM });
  new cloudfront.Distribution(stack, 'Distribution', {
    defaultBehavior: { origin: origins.FunctionUrlOrigin.withOriginAccessControl(fnUrl) },
  });
  return stack;
}
