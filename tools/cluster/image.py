#!/usr/bin/env python3
"""Writes a one-layer image archive (the `docker save` layout, which `ctr images import` and Jib's
tar:// base both read) from a root filesystem directory. No registry and no container engine: an
image is a layer tar, a config JSON and a manifest naming them, all addressed by sha256.

  image.py --rootfs DIR --name flashdeal/postgres:15 --out postgres.tar \
      --entrypoint /usr/local/bin/entrypoint --cmd postgres --env PATH=/usr/bin:/bin --user 70:70

Every file in the layer is owned by root (uid/gid 0) unless --owner PATH=UID:GID says otherwise, so
the archive is the same whoever builds it, and its timestamps are fixed (a rebuild of the same
files gives the same digest).
"""
import argparse
import hashlib
import io
import json
import os
import tarfile

EPOCH = 0  # fixed mtime: reproducible layers


def layer(rootfs, owners):
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=tarfile.PAX_FORMAT) as tar:
        for dirpath, dirnames, filenames in os.walk(rootfs):
            dirnames.sort()
            for name in sorted(dirnames) + sorted(filenames):
                path = os.path.join(dirpath, name)
                arcname = os.path.relpath(path, rootfs)
                info = tar.gettarinfo(path, arcname)
                info.mtime = EPOCH
                info.uid, info.gid, info.uname, info.gname = 0, 0, "", ""
                for prefix, (uid, gid) in owners.items():
                    if arcname == prefix or arcname.startswith(prefix + "/"):
                        info.uid, info.gid = uid, gid
                if info.isreg():
                    with open(path, "rb") as f:
                        tar.addfile(info, f)
                else:
                    tar.addfile(info)
    return buf.getvalue()


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--rootfs", required=True)
    p.add_argument("--name", required=True, help="repository:tag, e.g. flashdeal/redis:7")
    p.add_argument("--out", required=True)
    p.add_argument("--entrypoint", nargs="*", default=None)
    p.add_argument("--cmd", nargs="*", default=None)
    p.add_argument("--env", action="append", default=[])
    p.add_argument("--user", default=None)
    p.add_argument("--workdir", default="/")
    p.add_argument("--owner", action="append", default=[], help="PATH=UID:GID inside the image")
    a = p.parse_args()

    owners = {}
    for o in a.owner:
        path, ids = o.split("=", 1)
        uid, gid = ids.split(":")
        owners[path.strip("/")] = (int(uid), int(gid))
    blob = layer(a.rootfs, owners)
    layer_digest = hashlib.sha256(blob).hexdigest()
    config = {
        "architecture": "amd64",
        "os": "linux",
        "created": "1970-01-01T00:00:00Z",
        "config": {"Env": a.env, "WorkingDir": a.workdir},
        "rootfs": {"type": "layers", "diff_ids": ["sha256:" + layer_digest]},
        "history": [{"created": "1970-01-01T00:00:00Z", "created_by": "tools/cluster/image.py"}],
    }
    if a.entrypoint is not None:
        config["config"]["Entrypoint"] = a.entrypoint
    if a.cmd is not None:
        config["config"]["Cmd"] = a.cmd
    if a.user:
        config["config"]["User"] = a.user
    config_bytes = json.dumps(config, sort_keys=True).encode()
    config_digest = hashlib.sha256(config_bytes).hexdigest()
    manifest = [
        {
            "Config": config_digest + ".json",
            "RepoTags": [a.name],
            "Layers": [layer_digest + "/layer.tar"],
        }
    ]
    tmp = a.out + ".tmp"
    with tarfile.open(tmp, mode="w") as out:
        for name, data in (
            (config_digest + ".json", config_bytes),
            (layer_digest + "/layer.tar", blob),
            ("manifest.json", json.dumps(manifest).encode()),
        ):
            info = tarfile.TarInfo(name)
            info.size = len(data)
            info.mtime = EPOCH
            out.addfile(info, io.BytesIO(data))
    os.replace(tmp, a.out)
    print(f"image.py: {a.name} -> {a.out} ({len(blob) // (1024 * 1024)} MB layer, sha256:{layer_digest[:12]})")


if __name__ == "__main__":
    main()
