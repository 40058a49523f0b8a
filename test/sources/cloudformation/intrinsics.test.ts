// The intrinsic-function resolver, function by function: what resolves statically, and for what does not, the exact
// reason CL006 shows (naming the parameter, condition, resource or CDK token, and what the Defaults would give).
import {
  asBoolean,
  asNumber,
  asString,
  formatValue,
  isIntrinsic,
  literalText,
  NO_VALUE,
  referencedIds,
  Resolver,
  type TemplateParts,
} from '../../../lib/sources/cloudformation/intrinsics';

const template: TemplateParts = {
  Parameters: {
    Env: { Type: 'String', Default: 'dev' },
    Ttl: { Type: 'Number', Default: 300 },
    NoDefault: { Type: 'String' },
    Methods: { Type: 'CommaDelimitedList', Default: 'GET,POST' },
    Zones: { Type: 'List<AWS::EC2::AvailabilityZone::Name>', Default: 'a,b' },
    Weird: 'not a mapping',
  },
  Mappings: { Stage: { prod: { Ttl: 60, Ref: { Ref: 'Env' } } } },
  Conditions: {
    IsProd: { 'Fn::Equals': [{ Ref: 'Env' }, 'prod'] },
    IsDev: { 'Fn::Not': [{ Condition: 'IsProd' }] },
    Always: { 'Fn::Equals': ['a', 'a'] },
    NotBool: 'yes',
    Loop: { Condition: 'Loop' },
    Both: { 'Fn::And': [{ Condition: 'IsProd' }, { Ref: 'NoDefault' }] },
    Two: { 'Fn::Equals': [{ 'Fn::Sub': '${Env}-${Ttl}' }, 'prod-60'] },
    OnNoDefault: { 'Fn::Equals': [{ Ref: 'NoDefault' }, 'x'] },
    Never: { 'Fn::Equals': ['a', 'b'] },
  },
  Resources: { Api: { Type: 'AWS::ApiGateway::RestApi' } },
};

const resolve = (v: unknown, t: TemplateParts = template) => new Resolver(t).resolve(v);
const known = (value: unknown) => ({ known: true, value });
const unknownWhy = (v: unknown) => {
  const r = resolve(v);
  return r.known ? `known ${formatValue(r.value)}` : r.why;
};

describe('Resolver: what resolves', () => {
  it.each<[string, unknown, unknown]>([
    ['a plain value', 'x', 'x'],
    ['null, numbers and booleans', 5, 5],
    ['a list, as is', [1, { Ref: 'Env' }], [1, { Ref: 'Env' }]],
    ['a non-intrinsic mapping, as is', { A: 1, B: 2 }, { A: 1, B: 2 }],
    ['Fn::Join', { 'Fn::Join': ['-', ['a', 1, { 'Fn::Join': ['', ['b', 'c']] }]] }, 'a-1-bc'],
    ['Fn::Join over a string', { 'Fn::Join': [',', 'ab'] }, 'ab'],
    ['Fn::Select', { 'Fn::Select': ['1', ['a', 'b']] }, 'b'],
    ['Fn::Select index 0', { 'Fn::Select': [0, ['a', 'b']] }, 'a'],
    ['Fn::Split', { 'Fn::Split': [',', 'a,b'] }, ['a', 'b']],
    ['Fn::FindInMap', { 'Fn::FindInMap': ['Stage', 'prod', 'Ttl'] }, 60],
    ['Fn::FindInMap with a DefaultValue', { 'Fn::FindInMap': ['Stage', 'dev', 'Ttl', { DefaultValue: 5 }] }, 5],
    ['Fn::Sub with variables, ${!Literal} kept', { 'Fn::Sub': ['${A}-${ B }-${!Keep}', { A: 'x', B: { 'Fn::Join': ['', ['y', 'z']] } }] }, 'x-yz-${Keep}'],
    ['Fn::Sub without variables', { 'Fn::Sub': 'plain' }, 'plain'],
    ['Fn::Sub in the list form without variables', { 'Fn::Sub': ['x-${!Keep}'] }, 'x-${Keep}'],
    ['Fn::Equals of equal mappings', { 'Fn::Equals': [{ a: 1 }, { a: 1 }] }, true],
    ['Fn::Equals of a number and its text', { 'Fn::Equals': [300, '300'] }, true],
    ['Fn::Not', { 'Fn::Not': [{ 'Fn::Equals': ['a', 'b'] }] }, true],
    ['Fn::Not without a list', { 'Fn::Not': { 'Fn::Equals': ['a', 'a'] } }, false],
    ['Fn::And with a false part decides despite an unknown one', { 'Fn::And': [{ Ref: 'NoDefault' }, false] }, false],
    ['Fn::Or with a true part decides despite an unknown one', { 'Fn::Or': [{ Ref: 'NoDefault' }, true] }, true],
    ['Fn::And of trues', { 'Fn::And': [true, true] }, true],
    ['Fn::Or of falses', { 'Fn::Or': [false, false] }, false],
    ['Condition', { Condition: 'Always' }, true],
    ['Fn::If on a known condition', { 'Fn::If': ['Always', 'yes', 'no'] }, 'yes'],
    ['Fn::If on a known false condition', { 'Fn::If': ['Never', 'yes', 'no'] }, 'no'],
    ['Fn::If whose branches agree, on an unknown condition', { 'Fn::If': ['IsProd', 'same', 'same'] }, 'same'],
  ])('%s', (_what, v, expected) => {
    expect(resolve(v)).toEqual(known(expected));
  });

  it('Ref: AWS::NoValue is "no value", dropped from lists', () => {
    expect(resolve({ Ref: 'AWS::NoValue' })).toEqual(known(NO_VALUE));
    expect(new Resolver(template).list(['a', { Ref: 'AWS::NoValue' }, 'b'])).toEqual(known(['a', 'b']));
    expect(new Resolver(template).list('one')).toEqual(known(['one']));
  });
});

describe('Resolver: why a value is unknown', () => {
  it.each<[string, unknown, string]>([
    ['a parameter, with what its Default gives', { Ref: 'Env' }, 'parameter Env (default "dev" would give "dev")'],
    ['a list parameter: its Default split', { Ref: 'Methods' }, 'parameter Methods (default "GET,POST" would give ["GET","POST"])'],
    ['a List<> parameter', { Ref: 'Zones' }, 'parameter Zones (default "a,b" would give ["a","b"])'],
    ['a parameter without Default', { Ref: 'NoDefault' }, 'parameter NoDefault (no Default for NoDefault)'],
    ['a parameter that is not a mapping', { Ref: 'Weird' }, 'parameter Weird (no Default for Weird)'],
    ['two parameters', { 'Fn::Join': ['', [{ Ref: 'Env' }, { Ref: 'Ttl' }]] }, 'parameter Env (defaults Env="dev", Ttl=300 would give "dev300")'],
    ['a pseudo parameter', { Ref: 'AWS::Region' }, 'pseudo parameter AWS::Region'],
    ['a resource', { Ref: 'Api' }, 'Ref to resource Api is known only after deploy'],
    ['an undefined name', { Ref: 'Nope' }, 'Ref to Nope, which the template does not define'],
    ['a non-string Ref', { Ref: 5 }, 'Ref with a non-string name'],
    ['Fn::GetAtt as a list', { 'Fn::GetAtt': ['Api', 'RootResourceId'] }, 'the resource attribute Api.RootResourceId is known only after deploy'],
    ['Fn::GetAtt as text', { 'Fn::GetAtt': 'Api.RootResourceId' }, 'the resource attribute Api.RootResourceId is known only after deploy'],
    ['Fn::GetAtt malformed', { 'Fn::GetAtt': 5 }, 'the resource attribute  is known only after deploy'],
    ['Fn::ImportValue', { 'Fn::ImportValue': 'X' }, "Fn::ImportValue reads another stack's export"],
    ['Fn::Base64', { 'Fn::Base64': 'x' }, 'Fn::Base64 is not resolved statically'],
    ['Fn::Length', { 'Fn::Length': [1] }, 'Fn::Length is not resolved statically'],
    ['a CDK token', '${Token[TOKEN.123]}', 'CDK token ${Token[TOKEN.123]}'],
    ['a CDK list token', '#{Token[TOKEN.9]}', 'CDK token #{Token[TOKEN.9]}'],
    ['a CDK number token', '-1.8881545897087626e+289', 'CDK token -1.8881545897087626e+289'],
    ['Fn::Sub naming a parameter', { 'Fn::Sub': 'https://${Env}.example.com' }, 'parameter Env (default "dev" would give "https://dev.example.com")'],
    ['Fn::Sub naming a parameter and a pseudo parameter: no Default can say', { 'Fn::Sub': 'https://${Env}.${AWS::Region}.x' }, 'parameter Env'],
    ['Fn::Sub naming an attribute', { 'Fn::Sub': '${Api.RootResourceId}' }, 'the resource attribute Api.RootResourceId is known only after deploy'],
    ['Fn::Sub over a non-string', { 'Fn::Sub': [5, {}] }, 'malformed Fn::Sub'],
    ['Fn::Join over an unknown list item', { 'Fn::Join': ['', ['a', { Ref: 'AWS::StackName' }]] }, 'pseudo parameter AWS::StackName'],
    ['Fn::Join over a non-list', { 'Fn::Join': ['', 5] }, '5 is not a list'],
    ['Fn::Join with an unknown delimiter', { 'Fn::Join': [{ Ref: 'AWS::Region' }, ['a']] }, 'pseudo parameter AWS::Region'],
    ['Fn::Join malformed', { 'Fn::Join': ['-'] }, 'malformed Fn::Join'],
    ['Fn::Select out of range', { 'Fn::Select': ['2', ['a', 'b']] }, 'Fn::Select index "2" out of range'],
    ['Fn::Select negative', { 'Fn::Select': [-1, ['a']] }, 'Fn::Select index -1 out of range'],
    ['Fn::Select on an unknown index', { 'Fn::Select': [{ Ref: 'AWS::Region' }, ['a']] }, 'pseudo parameter AWS::Region'],
    ['Fn::Select on an unknown list', { 'Fn::Select': [0, { 'Fn::GetAZs': '' }] }, 'Fn::GetAZs is not resolved statically'],
    ['Fn::Select malformed', { 'Fn::Select': [0] }, 'malformed Fn::Select'],
    ['Fn::Split malformed', { 'Fn::Split': ',' }, 'malformed Fn::Split'],
    ['Fn::Split of an unknown string', { 'Fn::Split': [',', { Ref: 'AWS::Region' }] }, 'pseudo parameter AWS::Region'],
    ['Fn::Split with an unknown delimiter', { 'Fn::Split': [{ Ref: 'AWS::Partition' }, 'a'] }, 'pseudo parameter AWS::Partition'],
    ['Fn::FindInMap missing key', { 'Fn::FindInMap': ['Stage', 'dev', 'Ttl'] }, "Fn::FindInMap Stage.dev.Ttl is not in the template's Mappings"],
    ['Fn::FindInMap with an unknown key', { 'Fn::FindInMap': ['Stage', { Ref: 'AWS::Region' }, 'Ttl'] }, 'pseudo parameter AWS::Region'],
    ['Fn::FindInMap malformed', { 'Fn::FindInMap': ['Stage', 'prod'] }, 'malformed Fn::FindInMap'],
    [
      'Fn::FindInMap with a malformed default',
      { 'Fn::FindInMap': ['Stage', 'dev', 'Ttl', 'x'] },
      "Fn::FindInMap Stage.dev.Ttl is not in the template's Mappings",
    ],
    ['a value found in Mappings is resolved too', { 'Fn::FindInMap': ['Stage', 'prod', 'Ref'] }, 'parameter Env (default "dev" would give "dev")'],
    ['Fn::If malformed', { 'Fn::If': ['IsProd', 'a'] }, 'malformed Fn::If'],
    [
      'Fn::If on a parameter, one branch unknown',
      { 'Fn::If': ['IsProd', 'a', { Ref: 'AWS::Region' }] },
      'Fn::If: condition IsProd depends on parameter Env, and it chooses "a" or an unknown value',
    ],
    ['Fn::Equals malformed', { 'Fn::Equals': ['a'] }, 'malformed Fn::Equals'],
    ['Fn::Equals of an unknown left side', { 'Fn::Equals': [{ Ref: 'AWS::Region' }, 'a'] }, 'pseudo parameter AWS::Region'],
    ['Fn::Equals of an unknown right side', { 'Fn::Equals': ['a', { Ref: 'AWS::AccountId' }] }, 'pseudo parameter AWS::AccountId'],
    ['Fn::Not of a non-boolean', { 'Fn::Not': ['x'] }, 'Fn::Not of a non-boolean'],
    ['Fn::Not of an unknown', { 'Fn::Not': [{ Ref: 'AWS::Region' }] }, 'pseudo parameter AWS::Region'],
    ['Fn::And malformed', { 'Fn::And': true }, 'malformed Fn::And'],
    ['Fn::Or of an unknown and a false', { 'Fn::Or': [false, { Ref: 'AWS::Region' }] }, 'pseudo parameter AWS::Region'],
    ['Condition with a non-string name', { Condition: 5 }, 'Condition with a non-string name'],
    ['an undefined condition', { Condition: 'Nope' }, 'condition Nope is not defined'],
    ['a non-boolean condition', { Condition: 'NotBool' }, 'condition NotBool is not a boolean'],
  ])('%s', (_what, v, why) => {
    expect(unknownWhy(v)).toBe(why);
  });

  it('a recursive condition ends, saying so', () => {
    expect(unknownWhy({ Condition: 'Loop' })).toMatch(/^condition Loop depends on (condition Loop depends on )+condition Loop is recursive$/);
  });

  it('parameters are listed for CL006 (once per use), and Fn::If on a parameter names both outcomes', () => {
    expect(resolve({ 'Fn::Join': ['', [{ Ref: 'Env' }, { Ref: 'Env' }]] })).toMatchObject({ known: false, params: ['Env', 'Env'] });
    expect(resolve({ 'Fn::Sub': '${Env}${Ttl}' })).toMatchObject({ known: false, params: ['Env', 'Ttl'] });
    expect(resolve({ 'Fn::If': ['IsProd', 'a', 'b'] })).toEqual({
      known: false,
      why: 'Fn::If: condition IsProd depends on parameter Env, and it chooses "a" or "b" (default "dev" would give "b")',
      params: ['Env'],
    });
    expect(resolve({ 'Fn::If': ['Loop', { Ref: 'AWS::Region' }, 'b'] })).toMatchObject({
      why: expect.stringMatching(/, and it chooses an unknown value or "b"$/),
    });
  });

  it('nesting is bounded', () => {
    let v: unknown = 'x';
    for (let i = 0; i < 150; i++) v = { 'Fn::Join': ['', [v]] };
    expect(unknownWhy(v)).toBe('intrinsic functions nested too deeply');
  });
});

describe('Resolver.describeCondition', () => {
  const r = new Resolver(template);
  it('a known condition is its value', () => {
    expect([r.describeCondition('Always'), r.describeCondition('Never')]).toEqual(['condition Always is true', 'condition Never is false']);
  });
  it('names what the Defaults make of it, one parameter or several', () => {
    expect(r.describeCondition('IsProd')).toBe('condition IsProd depends on parameter Env (default "dev" would make it false)');
    expect(r.describeCondition('Two')).toBe('condition Two depends on parameter Env (defaults Env="dev", Ttl=300 would make it false)');
    // a condition on another condition: the chain of reasons
    expect(r.describeCondition('IsDev')).toBe('condition IsDev depends on condition IsProd depends on parameter Env (default "dev" would make it true)');
    // Fn::And stops at its first unknown part; the Defaults decide it through that part
    expect(r.describeCondition('Both')).toBe('condition Both depends on condition IsProd depends on parameter Env (default "dev" would make it false)');
  });
  it('without a Default it only says why', () => {
    expect(r.describeCondition('OnNoDefault')).toBe('condition OnNoDefault depends on parameter NoDefault');
    expect(r.describeCondition('Nope')).toBe('condition Nope is not defined');
  });
});

describe('Resolver: state across calls', () => {
  it('one resolver resolves any number of values in turn (nesting depth is per value, not cumulative)', () => {
    const withDefaults = new Resolver(template, true);
    const values = Array.from({ length: 150 }, () => withDefaults.resolve({ 'Fn::Join': ['-', [{ Ref: 'Env' }, 'x']] }));
    expect(values).toEqual(Array(150).fill(known('dev-x')));
  });
  it('a resolver that uses the Defaults adds no "would give" note to what stays unknown', () => {
    expect(new Resolver(template, true).resolve({ Ref: 'NoDefault' })).toMatchObject({ known: false, why: 'parameter NoDefault' });
    expect(new Resolver(template).resolve({ Ref: 'NoDefault' })).toMatchObject({ known: false, why: 'parameter NoDefault (no Default for NoDefault)' });
  });
  it('a template without Conditions: every condition is not defined', () => {
    expect(new Resolver({}).condition('Any')).toEqual({ known: false, why: 'condition Any is not defined' });
  });
});

describe('helpers', () => {
  it('isIntrinsic: one key, Ref / Condition / Fn::*', () => {
    expect([{ Ref: 'A' }, { Condition: 'C' }, { 'Fn::Sub': 'x' }].map(isIntrinsic)).toEqual([true, true, true]);
    expect([{ Ref: 'A', Other: 1 }, { Fnx: 1 }, null, ['Ref'], 'Ref', {}].map(isIntrinsic)).toEqual([false, false, false, false, false, false]);
  });

  it('formatValue: JSON, "no value", long values cut at 80', () => {
    expect([formatValue('a'), formatValue(5), formatValue(NO_VALUE), formatValue(undefined), formatValue([1, 'b'])]).toEqual([
      '"a"',
      '5',
      'no value',
      'undefined',
      '[1,"b"]',
    ]);
    expect(formatValue('x'.repeat(100))).toBe(`"${'x'.repeat(76)}...`);
    expect(formatValue('x'.repeat(78))).toBe(`"${'x'.repeat(78)}"`);
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    expect(formatValue(loop)).toBe('[object Object]');
  });

  it('referencedIds: Ref, Fn::GetAtt (list or text), ${X} and ${X.Attr} in Fn::Sub and its variables, not ${!X} or pseudo names', () => {
    const v = {
      a: [{ Ref: 'A' }, { 'Fn::GetAtt': 'B.Arn' }, { 'Fn::GetAtt': ['C', 'Id'] }],
      s: { 'Fn::Sub': ['${ D }/${E.Attr}/${!F}', { X: { Ref: 'G' } }] },
      t: { 'Fn::Sub': { 'Fn::Join': ['', [{ Ref: 'H' }]] } },
      n: { Ref: 5, 'Fn::GetAtt': 7 },
    };
    expect([...referencedIds(v)].sort()).toEqual(['A', 'B', 'C', 'D', 'E', 'G', 'H']);
  });

  it('literalText: every string inside, space-joined', () => {
    expect(literalText({ 'Fn::Join': ['.', ['api', { Ref: 'X' }, 'execute-api', 5]] })).toBe('. api X execute-api ');
    expect([literalText(5), literalText(null)]).toEqual(['', '']);
  });

  it("asBoolean / asNumber / asString: CloudFormation's text forms count", () => {
    const r = (value: unknown) => ({ known: true as const, value });
    const out = (x: { known: boolean; value?: unknown; why?: string }) => (x.known ? x.value : `unknown: ${x.why}`);
    expect([true, ' FALSE ', 'True', 'yes', 1].map((v) => out(asBoolean(r(v))))).toEqual([
      true,
      false,
      true,
      'unknown: "yes" is not a boolean',
      'unknown: 1 is not a boolean',
    ]);
    expect([5, ' 300 ', '-1.5', '1e3', Infinity, '', 'x'].map((v) => out(asNumber(r(v))))).toEqual([
      5,
      300,
      -1.5,
      'unknown: "1e3" is not a number',
      'unknown: null is not a number',
      'unknown: "" is not a number',
      'unknown: "x" is not a number',
    ]);
    expect(['a', 5, false, [1], null].map((v) => out(asString(r(v))))).toEqual([
      'a',
      '5',
      'false',
      'unknown: [1] is not a string',
      'unknown: null is not a string',
    ]);
    const why = { known: false as const, why: 'w' };
    expect([asBoolean(why), asNumber(why), asString(why)]).toEqual([why, why, why]);
  });
});
