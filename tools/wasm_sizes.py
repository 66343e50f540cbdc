#!/usr/bin/python3
"""What each part of the wasm module costs: the code size of every function, grouped by what its
name says it belongs to (a namespace, mbedTLS, pugixml, nlohmann::json, …). Needs a module built
with function names (-DSSO_WASM_PROFILING=ON). Usage: tools/wasm_sizes.py MODULE.wasm [TOP]"""
import re
import sys
from collections import defaultdict


def leb(data, at):
    result = shift = 0
    while True:
        b = data[at]
        at += 1
        result |= (b & 0x7f) << shift
        shift += 7
        if b < 0x80:
            return result, at


def sections(data):
    at = 8
    while at < len(data):
        kind = data[at]
        size, at = leb(data, at + 1)
        yield kind, data[at:at + size]
        at += size


def main():
    data = open(sys.argv[1], 'rb').read()
    top = int(sys.argv[2]) if len(sys.argv) > 2 else 25
    imported = 0
    bodies = []
    names = {}
    for kind, body in sections(data):
        if kind == 2:  # imports: function imports take the first indices
            count, at = leb(body, 0)
            for _ in range(count):
                for _ in range(2):
                    n, at = leb(body, at)
                    at += n
                k = body[at]
                at += 1
                if k == 0:
                    _, at = leb(body, at)
                    imported += 1
                elif k == 1:
                    at += 1
                    flags, at = leb(body, at + 0)
                    _, at = leb(body, at)
                    if flags & 1:
                        _, at = leb(body, at)
                elif k == 2:
                    flags, at = leb(body, at)
                    _, at = leb(body, at)
                    if flags & 1:
                        _, at = leb(body, at)
                elif k == 3:
                    at += 2
        elif kind == 10:
            count, at = leb(body, 0)
            for _ in range(count):
                size, at = leb(body, at)
                bodies.append(size)
                at += size
        elif kind == 0:
            n, at = leb(body, 0)
            if body[at:at + n] != b'name':
                continue
            at += n
            while at < len(body):
                sub = body[at]
                size, at = leb(body, at + 1)
                if sub == 1:
                    count, p = leb(body, at)
                    for _ in range(count):
                        index, p = leb(body, p)
                        length, p = leb(body, p)
                        names[index] = body[p:p + length].decode('utf8', 'replace')
                        p += length
                at += size
    groups = defaultdict(int)
    total = 0
    for i, size in enumerate(bodies):
        name = names.get(imported + i, '?')
        total += size
        if name.startswith('mbedtls_') or name.startswith('psa_') or name.startswith('ecp_'):
            group = 'mbedTLS'
        elif 'pugi' in name:
            group = 'pugixml'
        elif 'nlohmann' in name:
            group = 'nlohmann::json'
        elif name.startswith('uri') or 'Uri' in name[:8]:
            group = 'uriparser'
        elif 'emscripten' in name or name.startswith('_embind') or 'embind' in name:
            group = 'embind'
        else:
            m = re.search(r'sso::(?:\(anonymous namespace\)::)?([A-Za-z_]+)', name)
            group = f'sso::{m.group(1)}' if m else ('libc/libc++' if re.match(r'^(std|__|_Z|[a-z])', name) else name[:40])
        groups[group] += size
    print(f'code: {total} bytes in {len(bodies)} functions')
    for group, size in sorted(groups.items(), key=lambda g: -g[1])[:top]:
        print(f'{size:8d}  {100 * size / total:5.1f}%  {group}')


if __name__ == '__main__':
    main()
