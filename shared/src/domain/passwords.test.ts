import { describe, expect, it } from 'vitest';
import {
  commonPasswordForms,
  isRepetitive,
  passwordLength,
  passwordProblems,
  PASSWORD_MAX_LENGTH,
} from './passwords.js';

const anna = { username: 'anna.berzina', displayName: 'Anna Bērziņa' };
const list = new Set(['password', 'monkey', 'qwerty123456', 'iloveyou']);
const check = (password: string, owner = anna) =>
  passwordProblems(password, owner, (form) => list.has(form));

describe('password rules', () => {
  it('accepts a long passphrase that is nobody’s name and on no list', () => {
    expect(check('copper kettle on the hill')).toEqual([]);
  });

  it('counts characters, not bytes or UTF-16 units', () => {
    expect(passwordLength('密码密码密码密码密码密码')).toBe(12);
    expect(passwordLength('🙂'.repeat(12))).toBe(12);
    expect(check('紫色的山上有一只小狐狸')).toEqual(['too_short']); // 11 characters
    expect(check('紫色的山上有一只小狐狸呀')).toEqual([]);
  });

  it('needs 12 to 256 characters', () => {
    expect(check('short pass!')).toEqual(['too_short']);
    expect(check('short pass!!')).toEqual([]);
    expect(check('x'.repeat(10) + 'y'.repeat(PASSWORD_MAX_LENGTH))).toEqual(['too_long']);
  });

  it('refuses the username anywhere in it, in any case', () => {
    expect(check('ANNA.BERZINA-rocks')).toEqual(['contains_username', 'contains_name']);
    expect(check('i am AGENT7 here', { username: 'agent7', displayName: 'Zoe Ng' })).toEqual([
      'contains_username',
    ]);
  });

  it('refuses the display name, whole or a long part of it', () => {
    expect(check('annabērziņa on duty')).toEqual(['contains_name']);
    expect(check('my name is Bērziņa!')).toEqual(['contains_name']);
    // "Anna" is four letters: a name part, refused; a two-letter name is not looked for.
    expect(check('hello anna my friend')).toEqual(['contains_name']);
    expect(check('lighthouse keeper', { username: 'li', displayName: 'Li Wu' })).toEqual([
      'contains_username',
    ]);
    expect(check('northern lights', { username: 'wu', displayName: 'Li Wu' })).toEqual([]);
  });

  it('refuses common passwords, with look-alikes and added digits or symbols', () => {
    expect(check('qwerty123456')).toEqual(['common']);
    expect(check('QWERTY123456')).toEqual(['common']);
    expect(check('Password2024!')).toEqual(['common']);
    expect(check('P@ssw0rd12345')).toEqual(['common']);
    expect(check('123456monkey!!')).toEqual(['common']);
    expect(check('monkeys are fun')).toEqual([]);
  });

  it('refuses one short piece repeated', () => {
    expect(isRepetitive('aaaaaaaaaaaa')).toBe(true);
    expect(isRepetitive('abcabcabcabc')).toBe(true);
    expect(isRepetitive('abcdeabcdeab')).toBe(false);
    expect(check('abcdabcdabcd')).toEqual(['common']);
  });

  it('lists every problem at once, and a password without a list is only checked by rule', () => {
    expect(check('anna.berzina')).toEqual(['contains_username', 'contains_name']);
    expect(passwordProblems('qwerty123456', anna)).toEqual([]);
  });

  it('looks up few forms, none shorter than a word', () => {
    expect(commonPasswordForms('!!12')).toEqual(['!!12', 'iii2']);
    expect(commonPasswordForms('Monkey123')).toEqual(['monkey123', 'monkeyi2e', 'monkey']);
  });
});
