"""A second LSP client for `ecslint server`: pygls's LanguageClient (PyPI `pygls` 2.x, on
`lsprotocol`), a client the server was not written against. Where Neovim (scripts/lsp/neovim.lua)
takes pushed diagnostics in UTF-16, this client pulls them (`textDocument/diagnostic`) and
negotiates UTF-8 positions; it also runs "lint workspace" and checks a service paired with
its task definition across files.

    python pygls_client.py ECSLINT_BIN DIR

DIR holds taskdef.json (the broken task definition of scripts/test-lsp) and pair/ (a
service whose load balancer names a container its task definition lacks). Exits 0 when every
check passed.
"""

import asyncio
import pathlib
import sys

from lsprotocol import types
from pygls.lsp.client import LanguageClient

TIMEOUT = 30


def check(ok, message):
    if not ok:
        raise AssertionError(message)


def say(message):
    print(f"pygls client: {message}", flush=True)


def codes(items):
    return [d.code for d in sorted(items, key=lambda d: (d.range.start.line, d.range.start.character))]


async def main(binary, directory):
    directory = pathlib.Path(directory).resolve()
    client = LanguageClient("ecslint-test-client", "1")
    published = {}
    arrived = asyncio.Event()

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def on_diagnostics(params):
        published[params.uri] = params.diagnostics
        arrived.set()

    @client.feature(types.WORKSPACE_DIAGNOSTIC_REFRESH)
    def on_refresh(params):
        return None

    await client.start_io(binary, "server")
    capabilities = types.ClientCapabilities(
        general=types.GeneralClientCapabilities(position_encodings=[types.PositionEncodingKind.Utf8]),
        text_document=types.TextDocumentClientCapabilities(
            diagnostic=types.DiagnosticClientCapabilities(),
            hover=types.HoverClientCapabilities(content_format=[types.MarkupKind.Markdown]),
        ),
        workspace=types.WorkspaceClientCapabilities(
            diagnostics=types.DiagnosticWorkspaceClientCapabilities(refresh_support=True),
        ),
    )
    result = await asyncio.wait_for(
        client.initialize_async(
            types.InitializeParams(capabilities=capabilities, root_uri=directory.as_uri())
        ),
        TIMEOUT,
    )
    check(result.capabilities.position_encoding == types.PositionEncodingKind.Utf8, "UTF-8 was not chosen")
    check(result.capabilities.diagnostic_provider is not None, "no pull diagnostics")
    client.initialized(types.InitializedParams())
    say("initialized: UTF-8 positions, pulled diagnostics")

    # 1. Pulled diagnostics, positions in UTF-8 bytes.
    path = directory / "taskdef.json"
    text = path.read_text(encoding="utf-8")
    uri = path.as_uri()
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=uri, language_id="json", version=1, text=text)
        )
    )
    report = await asyncio.wait_for(
        client.text_document_diagnostic_async(
            types.DocumentDiagnosticParams(text_document=types.TextDocumentIdentifier(uri=uri))
        ),
        TIMEOUT,
    )
    got = codes(report.items)
    expected = ["launch-type-unknown", "invalid-enum-value", "invalid-type", "unknown-field", "invalid-json"]
    check(got == expected, f"pulled diagnostics: {got}")
    comma = next(d for d in report.items if d.code == "invalid-json")
    line = text.split("\n")[comma.range.start.line].encode("utf-8")
    check(line[comma.range.start.character : comma.range.start.character + 1] == b",",
          f"invalid-json at UTF-8 column {comma.range.start.character}")
    again = await client.text_document_diagnostic_async(
        types.DocumentDiagnosticParams(
            text_document=types.TextDocumentIdentifier(uri=uri), previous_result_id=report.result_id
        )
    )
    check(again.kind == "unchanged", f"a second pull without a change: {again.kind}")
    check(not published, f"a pulling client was pushed diagnostics: {list(published)}")
    say(f"pulled: {', '.join(got)}; unchanged on a second pull")

    # 2. An incremental change, then a pull: the new version.
    cpu = text.split("\n")[3]
    start = cpu.index("256")
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
            content_changes=[
                types.TextDocumentContentChangePartial(
                    range=types.Range(start=types.Position(3, start), end=types.Position(3, start + 3)),
                    text='"256"',
                )
            ],
        )
    )
    report = await client.text_document_diagnostic_async(
        types.DocumentDiagnosticParams(text_document=types.TextDocumentIdentifier(uri=uri))
    )
    check("invalid-type" not in codes(report.items), f"after the change: {codes(report.items)}")
    say(f"after an incremental change: {', '.join(codes(report.items))}")

    # 3. A quick fix and a hover.
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=comma.range,
            context=types.CodeActionContext(diagnostics=[]),
        )
    )
    titles = [a.title for a in actions]
    check("Fix: remove the trailing comma" in titles, f"code actions: {titles}")
    hover = await client.text_document_hover_async(
        types.HoverParams(text_document=types.TextDocumentIdentifier(uri=uri), position=comma.range.start)
    )
    check(hover.contents.value.startswith("**ecslint** `invalid-json`"), f"hover: {hover.contents.value[:80]}")
    say(f"code actions: {titles}; hover: {hover.contents.value.splitlines()[0]}")

    # 4. Lint the workspace: the service and its task definition, paired.
    summary = await asyncio.wait_for(
        client.workspace_execute_command_async(
            types.ExecuteCommandParams(command="ecslint.lintWorkspace", arguments=[])
        ),
        TIMEOUT,
    )
    check(summary["files"] == 3 and summary["errors"] > 0, f"workspace summary: {summary}")
    service = (directory / "pair" / "service-def.json").as_uri()
    check(service in published, f"no diagnostics pushed for the service: {list(published)}")
    related = [r.location.uri for d in published[service] for r in (d.related_information or [])]
    td = (directory / "pair" / "taskdef.json").as_uri()
    check(td in related, f"the service is not checked against its task definition: {related}")
    say(f"workspace: {summary}; the service points into its task definition")

    # 5. Shutdown and exit.
    await asyncio.wait_for(client.shutdown_async(None), TIMEOUT)
    client.exit(None)
    await asyncio.wait_for(client.stop(), TIMEOUT)
    code = client._server.returncode
    check(code == 0, f"the server exited with {code}")
    say("shutdown and exit: the server exited with 0")


if __name__ == "__main__":
    try:
        asyncio.run(main(sys.argv[1], sys.argv[2]))
    except Exception as error:  # noqa: BLE001 - every failure is reported the same way
        print(f"pygls client: FAIL: {error!r}", file=sys.stderr)
        sys.exit(1)
