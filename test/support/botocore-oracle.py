#!/usr/bin/python3
# What the AWS CLI (botocore, as Debian's awscli vendors it) sees in ~/.aws/config and
# ~/.aws/credentials. Run by /usr/bin/python3 ONCE for a whole batch of file pairs:
#   stdin:  {"cases": [{"config": BASE64|null, "credentials": BASE64|null}, ...]}
#   stdout: {"results": [VIEW, ...]} in the same order, where VIEW is
#     {"error": "config"|"credentials"}                  the CLI cannot parse that file
#     {"profiles": {NAME: {OPTION: VALUE|{SUB: VALUE}}},  session.full_config's profile map
#      "credentials": {NAME: {"keys": [ID, SECRET, TOKEN|null]} | {"partial": MISSING} | null},
#                                                       SharedCredentialProvider per profile
#      "process": {NAME: {"raw": S, "posix": [..]|null, "win32": [..]|null}}}
#                                                       credential_process and how it is split
# (null = the file is absent). Only botocore's own functions decide; this file only loops.
import base64
import json
import os
import sys
import tempfile

import awscli.botocore  # noqa: F401  (Debian's awscli puts its botocore on the path as `botocore`)
import botocore.configloader as configloader
import botocore.exceptions as exceptions
from botocore.compat import compat_shell_split
from botocore.credentials import SharedCredentialProvider


def full_config(config_path, credentials_path):
    """botocore.session.Session.full_config, without the rest of a Session (too slow per case)."""
    try:
        config = configloader.load_config(config_path)
    except exceptions.ConfigNotFound:
        config = {'profiles': {}}
    try:
        cred_profiles = configloader.raw_config_parse(credentials_path)
        for profile in cred_profiles:
            cred_vars = cred_profiles[profile]
            if profile not in config['profiles']:
                config['profiles'][profile] = cred_vars
            else:
                config['profiles'][profile].update(cred_vars)
    except exceptions.ConfigNotFound:
        pass
    return config


def split(command, platform):
    try:
        return compat_shell_split(command, platform)
    except ValueError:
        return None


def view(config_path, credentials_path):
    try:
        configloader.load_config(config_path)
    except exceptions.ConfigNotFound:
        pass
    except exceptions.ConfigParseError:
        return {'error': 'config'}
    try:
        configloader.raw_config_parse(credentials_path)
    except exceptions.ConfigNotFound:
        pass
    except exceptions.ConfigParseError:
        return {'error': 'credentials'}
    profiles = full_config(config_path, credentials_path)['profiles']
    credentials = {}
    process = {}
    for name, values in profiles.items():
        try:
            found = SharedCredentialProvider(credentials_path, name).load()
            credentials[name] = None if found is None else {'keys': [found.access_key, found.secret_key, found.token]}
        except exceptions.PartialCredentialsError as e:
            credentials[name] = {'partial': e.kwargs.get('cred_var')}
        command = values.get('credential_process')
        if isinstance(command, str):
            process[name] = {'raw': command, 'posix': split(command, 'linux'), 'win32': split(command, 'win32')}
    return {'profiles': profiles, 'credentials': credentials, 'process': process}


def main():
    cases = json.load(sys.stdin)['cases']
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        config_path = os.path.join(tmp, 'config')
        credentials_path = os.path.join(tmp, 'credentials')
        for case in cases:
            for path, key in ((config_path, 'config'), (credentials_path, 'credentials')):
                if os.path.exists(path):
                    os.remove(path)
                if case.get(key) is not None:
                    with open(path, 'wb') as f:
                        f.write(base64.b64decode(case[key]))
            results.append(view(config_path, credentials_path))
    json.dump({'results': results}, sys.stdout)


if __name__ == '__main__':
    main()
