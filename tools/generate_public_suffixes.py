"""Compiles Debian's Public Suffix List into C++.

Each rule is written with its labels reversed ("uk.co", "ck.*", "ck.www!" for the exception
!www.ck), the rules sorted, and each line front-coded: one character '0' + n saying how many
leading characters it shares with the line before, then the rest. That halves the data (117 KB to
65 KB; 40 KB to 32 KB gzipped). Labels are in their ASCII (punycode) form, so they compare with
hosts as the helper holds them.
Usage: generate_public_suffixes.py public_suffix_list.dat out.cpp|out.js"""
import json
import sys

MAX_SHARED = 74  # '0' + 74 = 'z': the prefix count stays one printable character


def ascii_label(label):
    if label == '*' or label.isascii():
        return label.lower()
    try:
        return label.encode('idna').decode()
    except UnicodeError:
        return 'xn--' + label.encode('punycode').decode()


def main(source, target):
    keys = []
    with open(source, encoding='utf-8') as f:
        for line in f:
            rule = line.strip().split()[0] if line.strip() else ''
            if not rule or rule.startswith('//'):
                continue
            exception = rule.startswith('!')
            labels = [ascii_label(l) for l in rule.lstrip('!').split('.')]
            keys.append('.'.join(reversed(labels)) + ('!' if exception else ''))
    keys.sort()
    lines, previous = [], ''
    for key in keys:
        shared = 0
        while shared < min(len(key), len(previous), MAX_SHARED) and key[shared] == previous[shared]:
            shared += 1
        lines.append(chr(ord('0') + shared) + key[shared:])
        previous = key
    if target.endswith('.js'):  # for the wasm module, loaded when first needed
        with open(target, 'w', encoding='ascii') as out:
            out.write('// Generated from the Public Suffix List by tools/generate_public_suffixes.py: the rules\n'
                      '// the page gives the wasm module when a trusted domain is first checked.\n')
            out.write(f'export const PUBLIC_SUFFIX_RULE_COUNT = {len(keys)};\n')
            out.write('export const PUBLIC_SUFFIX_RULES = ' + json.dumps('\n'.join(lines) + '\n') + ';\n')
        return
    with open(target, 'w', encoding='ascii') as out:
        out.write('// Generated from the Public Suffix List by tools/generate_public_suffixes.py.\n')
        out.write('#include <cstddef>\n\nnamespace sso {\n\n')
        out.write(f'extern const std::size_t kPublicSuffixRuleCount = {len(keys)};\n')
        out.write('extern const char* const kPublicSuffixRules =\n')
        for line in lines:
            escaped = line.replace('\\', '\\\\').replace('"', '\\"').replace('?', '\\?')
            out.write(f'    "{escaped}\\n"\n')
        out.write(';\n\n}  // namespace sso\n')


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
