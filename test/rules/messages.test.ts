// Message templates (lib/messages.ts): rules name a messageId and its data, the finding's text is formatted from them.
import { formatMessage, hitMessage } from '../../lib/messages';
import type { Rule } from '../../lib/findings';
import { at } from '../helpers/model';
import { STATIC_RULES } from '../../rules/index';

describe('formatMessage', () => {
  test('fills placeholders from data and leaves {routes} for the engine', () => {
    expect(formatMessage('{layer} caches {methods} for {routes} ({ttl} s)', { layer: 'proxy-cache', methods: 'POST', ttl: 300 })).toBe(
      'proxy-cache caches POST for {routes} (300 s)',
    );
  });
  test('{routes} is filled when the routes are given', () => {
    expect(formatMessage('{layer} caches {routes}; {routes}', { layer: 'proxy-cache' }, '3 routes')).toBe('proxy-cache caches 3 routes; 3 routes');
  });
  test('a value with braces (an API Gateway path) is not read as a placeholder', () => {
    expect(formatMessage('{path}?{name}=A', { path: '/orders/{id}', name: 'token', id: 'no' })).toBe('/orders/{id}?token=A');
  });
  test('a placeholder without a value is a rule bug: it throws instead of printing half a message', () => {
    expect(() => formatMessage('{layer} caches {methods}', { layer: 'x' })).toThrow('message placeholder {methods} has no value');
  });
});

describe('hitMessage', () => {
  const rule = { id: 'CLX', messages: { one: 'caches {methods} on {routes}' } } as unknown as Rule;
  const hit = { at: at(1), remediation: { summary: '' } };
  test('a messageId takes its rule template', () => {
    expect(hitMessage(rule, { ...hit, messageId: 'one', data: { methods: 'GET' } })).toBe('caches GET on {routes}');
  });
  test('an unknown messageId throws', () => {
    expect(() => hitMessage(rule, { ...hit, messageId: 'two' })).toThrow('CLX: unknown messageId two');
  });
});

describe('every static rule owns its words', () => {
  test('each has message templates for its hits to name', () => {
    const without = STATIC_RULES.filter((rule) => Object.keys(rule.messages ?? {}).length === 0).map((rule) => rule.id);
    expect(without).toEqual([]);
  });
});
