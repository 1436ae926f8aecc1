import { describe, expect, it } from 'vitest';
import { brandCss } from './page.js';

const name = { en: 'Northwind' };

describe('the survey page’s brand colours', () => {
  it('puts white text on a dark brand colour and uses it for links', () => {
    expect(brandCss({ name, colour: '#1f5fbf' })).toBe(
      ':root { --brand: #1f5fbf; --on-brand: #ffffff; --accent: #1f5fbf; }\n',
    );
  });

  it('puts dark text on a light brand colour and keeps links readable on white', () => {
    // Yellow on white is about 1.4:1: buttons stay yellow with dark text, links go dark.
    expect(brandCss({ name, colour: '#ffd400' })).toBe(
      ':root { --brand: #ffd400; --on-brand: #1b1d21; --accent: #1b1d21; }\n',
    );
  });
});
