#!/usr/bin/env python3
"""Registers phones with the appliance (digest, RFC 3261 / 2617 qop=auth).

    register.py HOST:PORT CONTACT_PORT FILE   (FILE: lines "extension;password")

Every phone's contact is the same sipp answering for all of them at CONTACT_PORT. sipp's [authentication]
keyword cannot take the user name from an injection file, hence this small script.
"""
import hashlib, re, socket, sys, uuid

target, contact_port, accounts = sys.argv[1], int(sys.argv[2]), sys.argv[3]
host, port = target.split(":")
sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
sock.bind(("127.0.0.1", 0))
sock.settimeout(5)
local = sock.getsockname()[1]


def md5(text):
    return hashlib.md5(text.encode()).hexdigest()


def register(ext, cseq, call_id, authorization=""):
    message = (f"REGISTER sip:{host}:{port} SIP/2.0\r\n"
               f"Via: SIP/2.0/UDP 127.0.0.1:{local};branch=z9hG4bK-{uuid.uuid4().hex}\r\n"
               f"From: <sip:{ext}@{host}>;tag={call_id[:8]}\r\nTo: <sip:{ext}@{host}>\r\n"
               f"Call-ID: {call_id}\r\nCSeq: {cseq} REGISTER\r\n"
               f"Contact: <sip:{ext}@127.0.0.1:{contact_port}>\r\nExpires: 3600\r\nMax-Forwards: 70\r\n"
               f"{authorization}Content-Length: 0\r\n\r\n")
    sock.sendto(message.encode(), (host, int(port)))
    while True:
        answer = sock.recv(65535).decode()
        if not answer.startswith("SIP/2.0 1"):
            return answer


count = 0
for line in open(accounts):
    ext, password = line.strip().split(";")[:2]
    call_id = uuid.uuid4().hex
    challenge = register(ext, 1, call_id)
    realm = re.search(r'realm="([^"]+)"', challenge).group(1)
    nonce = re.search(r'nonce="([^"]+)"', challenge).group(1)
    uri = f"sip:{host}:{port}"
    ha1, ha2 = md5(f"{ext}:{realm}:{password}"), md5(f"REGISTER:{uri}")
    response = md5(f"{ha1}:{nonce}:00000001:0a4f113b:auth:{ha2}")
    header = (f'Authorization: Digest username="{ext}", realm="{realm}", nonce="{nonce}", uri="{uri}", '
              f'response="{response}", algorithm=MD5, qop=auth, nc=00000001, cnonce="0a4f113b"\r\n')
    answer = register(ext, 2, call_id, header)
    if not answer.startswith("SIP/2.0 200"):
        sys.exit(f"phone {ext} not registered: {answer.splitlines()[0]}")
    count += 1
print(f"{count} phones registered")
