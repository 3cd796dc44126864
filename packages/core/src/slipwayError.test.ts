import { describe, expect, it } from 'vitest';
import { ERROR_CODES, EXIT_CODE, HTTP_STATUS } from './errorCodes.js';
import { renderFinding, errorToJson } from './renderError.js';
import { SlipwayError } from './slipwayError.js';

describe('SlipwayError', () => {
  it('renders in the standard format with recovery and docs lines', () => {
    const error = new SlipwayError({
      code: 'MODULE_UNKNOWN',
      component: 'Modules',
      message: 'module "foo" is not part of template "saas"',
      recovery: ['Run: slipway templates show saas', 'Or: drop "foo" from --modules'],
      location: { file: 'setup.yaml', line: 4, column: 3 },
    });
    expect(renderFinding(error)).toBe(
      [
        '[BLOCKING] Modules: module "foo" is not part of template "saas"',
        '  at setup.yaml:4:3',
        '  → Run: slipway templates show saas',
        '  → Or: drop "foo" from --modules',
        '  → Docs: https://github.com/slipway-dev/slipway/blob/main/docs/errors.md#module-unknown',
      ].join('\n'),
    );
  });

  it('serialises to a stable JSON body and keeps the cause', () => {
    const cause = new Error('disk full');
    const error = new SlipwayError({
      code: 'TARGET_WRITE_FAILED',
      message: 'could not write',
      cause,
    });
    expect(error.cause).toBe(cause);
    expect(error.toJSON()).toMatchObject({
      code: 'TARGET_WRITE_FAILED',
      severity: 'blocking',
      recovery: [],
    });
  });

  it('turns unknown throwables into INTERNAL', () => {
    expect(errorToJson(new TypeError('boom'))).toMatchObject({ code: 'INTERNAL', message: 'boom' });
    expect(errorToJson('text')).toMatchObject({ code: 'INTERNAL', message: 'text' });
  });

  it('maps every code to an exit code and an HTTP status', () => {
    for (const code of ERROR_CODES) {
      expect(EXIT_CODE[code]).toBeGreaterThan(0);
      expect(HTTP_STATUS[code]).toBeGreaterThanOrEqual(400);
    }
  });

  it('renders warnings without a docs line when asked', () => {
    expect(
      renderFinding(
        { severity: 'warning', component: 'Database', message: 'policy exists' },
        { docs: false },
      ),
    ).toBe('[WARNING] Database: policy exists');
  });
});

describe('SlipwayError across module copies', () => {
  it('is recognised by instanceof when thrown by another copy of the class', () => {
    // What a second copy of @slipway/core (the bundled CLI's) constructs: same brand.
    const fromOtherCopy = Object.assign(new Error('taken'), {
      [Symbol.for('slipway.SlipwayError')]: true,
      code: 'PORT_IN_USE',
    });
    expect(fromOtherCopy instanceof SlipwayError).toBe(true);
    expect(new Error('plain') instanceof SlipwayError).toBe(false);
    expect(new SlipwayError({ code: 'INTERNAL', message: 'x' }) instanceof SlipwayError).toBe(true);
  });
});
