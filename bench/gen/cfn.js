#!/usr/bin/env node
// Deterministic CloudFormation template (YAML, short-form intrinsics), valid for cfn-lint, with a known CL001 count.
// Usage: node bench/gen/cfn.js UNITS > template.yaml   (12 resources per unit; 41 units = 492 resources, under 500)
//        require('./cfn').generate(UNITS) → { text, expected: { resources, cl001 } }
// Unit: RestApi, Resource, GET + POST methods, Deployment, Stage (MethodSettings: `/*/*` caching on, plus an explicit
//       entry for POST /orders that caches it on every 4th unit — the CL001 finding — and pins it off otherwise),
//       CloudFront CachePolicy + Distribution (every 3rd allows POST: CloudFront never caches POST, so no CL001),
//       Bucket, Lambda Role + Function + Permission. Adapted from the research baseline generator (shared/bench/cfn).
'use strict';
function generate(units) {
  const L = [];
  const p = (s) => L.push(s);
  p("AWSTemplateFormatVersion: '2010-09-09'");
  p('Description: synthetic cachelint baseline template');
  p('Resources:');
  for (let i = 0; i < units; i++) {
    const cachePost = i % 4 === 0;
    const cfPost = i % 3 === 0;
    p(`  Api${i}:`);
    p('    Type: AWS::ApiGateway::RestApi');
    p('    Properties:');
    p(`      Name: bench-api-${i}`);
    p(`  Orders${i}:`);
    p('    Type: AWS::ApiGateway::Resource');
    p('    Properties:');
    p(`      RestApiId: !Ref Api${i}`);
    p(`      ParentId: !GetAtt Api${i}.RootResourceId`);
    p('      PathPart: orders');
    for (const m of ['GET', 'POST']) {
      p(`  Orders${m}${i}:`);
      p('    Type: AWS::ApiGateway::Method');
      p('    Properties:');
      p(`      RestApiId: !Ref Api${i}`);
      p(`      ResourceId: !Ref Orders${i}`);
      p(`      HttpMethod: ${m}`);
      p('      AuthorizationType: NONE');
      p('      Integration:');
      p('        Type: AWS_PROXY');
      p('        IntegrationHttpMethod: POST');
      p(`        Uri: !Sub arn:\${AWS::Partition}:apigateway:\${AWS::Region}:lambda:path/2015-03-31/functions/\${Fn${i}.Arn}/invocations`);
    }
    p(`  Deployment${i}:`);
    p('    Type: AWS::ApiGateway::Deployment');
    p(`    DependsOn: [OrdersGET${i}, OrdersPOST${i}]`);
    p('    Properties:');
    p(`      RestApiId: !Ref Api${i}`);
    p(`  Stage${i}:`);
    p('    Type: AWS::ApiGateway::Stage');
    p('    Properties:');
    p(`      RestApiId: !Ref Api${i}`);
    p(`      DeploymentId: !Ref Deployment${i}`);
    p('      StageName: prod');
    p('      CacheClusterEnabled: true');
    p("      CacheClusterSize: '0.5'");
    p('      MethodSettings:');
    p("        - ResourcePath: '/*'");
    p("          HttpMethod: '*'");
    p('          CachingEnabled: true');
    p('          CacheTtlInSeconds: 300');
    p("        - ResourcePath: '/~1orders'");
    p('          HttpMethod: POST');
    p(`          CachingEnabled: ${cachePost}`);
    p(`  CachePolicy${i}:`);
    p('    Type: AWS::CloudFront::CachePolicy');
    p('    Properties:');
    p('      CachePolicyConfig:');
    p(`        Name: bench-policy-${i}`);
    p('        DefaultTTL: 86400');
    p('        MinTTL: 60');
    p('        MaxTTL: 31536000');
    p('        ParametersInCacheKeyAndForwardedToOrigin:');
    p('          EnableAcceptEncodingGzip: true');
    p('          CookiesConfig: { CookieBehavior: none }');
    p('          HeadersConfig: { HeaderBehavior: none }');
    p('          QueryStringsConfig: { QueryStringBehavior: none }');
    p(`  Cdn${i}:`);
    p('    Type: AWS::CloudFront::Distribution');
    p('    Properties:');
    p('      DistributionConfig:');
    p('        Enabled: true');
    p('        Origins:');
    p('          - Id: api');
    p(`            DomainName: !Sub \${Api${i}}.execute-api.\${AWS::Region}.amazonaws.com`);
    p('            OriginPath: /prod');
    p('            CustomOriginConfig: { OriginProtocolPolicy: https-only }');
    p('        DefaultCacheBehavior:');
    p('          TargetOriginId: api');
    p('          ViewerProtocolPolicy: redirect-to-https');
    p(`          CachePolicyId: !Ref CachePolicy${i}`);
    p(cfPost ? '          AllowedMethods: [GET, HEAD, OPTIONS, PUT, PATCH, POST, DELETE]' : '          AllowedMethods: [GET, HEAD]');
    p(`  Bucket${i}:`);
    p('    Type: AWS::S3::Bucket');
    p('    Properties:');
    p('      BucketEncryption:');
    p('        ServerSideEncryptionConfiguration:');
    p('          - ServerSideEncryptionByDefault: { SSEAlgorithm: AES256 }');
    p(`  FnRole${i}:`);
    p('    Type: AWS::IAM::Role');
    p('    Properties:');
    p('      AssumeRolePolicyDocument:');
    p("        Version: '2012-10-17'");
    p('        Statement:');
    p('          - Effect: Allow');
    p('            Principal: { Service: lambda.amazonaws.com }');
    p('            Action: sts:AssumeRole');
    p('      ManagedPolicyArns:');
    p('        - !Sub arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole');
    p(`  Fn${i}:`);
    p('    Type: AWS::Lambda::Function');
    p('    Properties:');
    p('      Runtime: nodejs22.x');
    p('      Handler: index.handler');
    p(`      Role: !GetAtt FnRole${i}.Arn`);
    p('      Code:');
    p('        ZipFile: |');
    p("          exports.handler = async () => ({ statusCode: 200, body: 'ok' });");
    p(`  FnPermission${i}:`);
    p('    Type: AWS::Lambda::Permission');
    p('    Properties:');
    p('      Action: lambda:InvokeFunction');
    p(`      FunctionName: !GetAtt Fn${i}.Arn`);
    p('      Principal: apigateway.amazonaws.com');
    p(`      SourceArn: !Sub arn:\${AWS::Partition}:execute-api:\${AWS::Region}:\${AWS::AccountId}:\${Api${i}}/*`);
  }
  let cl001 = 0;
  for (let i = 0; i < units; i++) if (i % 4 === 0) cl001++;
  return { text: L.join('\n') + '\n', expected: { units, resources: units * 12, cl001 } };
}

module.exports = { generate };

if (require.main === module) {
  const { text, expected } = generate(Number(process.argv[2] ?? 41));
  process.stdout.write(text);
  process.stderr.write(JSON.stringify(expected) + '\n');
}
