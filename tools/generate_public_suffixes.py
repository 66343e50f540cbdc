"""Compiles Debian's Public Suffix List into C++: one string of rules, one a line, labels in
their ASCII (punycode) form so that they compare with hosts as the helper holds them.
Usage: generate_public_suffixes.py public_suffix_list.dat out.cpp"""
import sys


def ascii_label(label):
    if label in ('*',) or label.startswith('!') or label.isascii():
        return label.lower()
    try:
        return label.encode('idna').decode()
    except UnicodeError:
        return 'xn--' + label.encode('punycode').decode()


def main(source, target):
    rules = []
    with open(source, encoding='utf-8') as f:
        for line in f:
            rule = line.strip().split()[0] if line.strip() else ''
            if not rule or rule.startswith('//'):
                continue
            exception = rule.startswith('!')
            labels = [ascii_label(l) for l in rule.lstrip('!').split('.')]
            rules.append(('!' if exception else '') + '.'.join(labels))
    with open(target, 'w', encoding='ascii') as out:
        out.write('// Generated from the Public Suffix List by tools/generate_public_suffixes.py.\n')
        out.write('#include "public_suffix.hpp"\n\nnamespace sso {\n\n')
        out.write(f'const std::size_t kPublicSuffixRuleCount = {len(rules)};\n')
        out.write('const char* const kPublicSuffixRules =\n')
        for rule in rules:
            out.write('    "' + rule.replace('"', '').replace('\\', '') + '\\n"\n')
        out.write(';\n\n}  // namespace sso\n')


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
