//! Any bytes as what a client sends the language server on standard input, read by the
//! server's own transport (`src/server/transport.rs`, compiled here as a module): frames
//! (`Content-Length` headers, bodies) through a reader whose buffer size the first byte
//! chooses, then each body as a JSON-RPC message, as `read_loop` does. No panic and no hang;
//! every frame consumes input; a body is never over `MAX_BODY`; a message that parses is
//! written back (`to_text`, `write_frame`) and reads again as the same message; a malformed
//! one gets a JSON-RPC error response (`jsonrpc`, `error.code`, and the message's `id` when
//! it had a number or a string there, else `null`).
#![no_main]

#[allow(dead_code)]
#[path = "../../src/server/transport.rs"]
mod transport;

use std::io::BufReader;

use libfuzzer_sys::fuzz_target;
use serde_json::Value;
use transport::{parse_body, read_frame, to_text, write_frame, Frame, MAX_BODY};

/// A JSON-RPC error response, with the `id` of the message when it had one that is a number or
/// a string (as the transport answers), else `null`.
fn check_error_response(body: &[u8], response: &str) {
    let value: Value = serde_json::from_str(response).expect("an error response is JSON");
    assert_eq!(value["jsonrpc"], "2.0", "{response}");
    let sent = serde_json::from_slice::<Value>(body)
        .ok()
        .and_then(|v| v.get("id").cloned())
        .filter(|id| id.is_number() || id.is_string())
        .unwrap_or(Value::Null);
    assert_eq!(value.get("id"), Some(&sent), "the `id` of {response}");
    assert!(value["error"]["code"].is_i64(), "{response}");
    assert!(value["error"]["message"].is_string(), "{response}");
}

fn round_trip(body: &[u8]) {
    match parse_body(body) {
        Ok(message) => {
            let text = to_text(&message);
            assert!(!text.is_empty(), "a message that parsed is not written");
            let mut framed = Vec::new();
            write_frame(&mut framed, &text).expect("writes to a Vec");
            let mut input = &framed[..];
            match read_frame(&mut input).expect("reads from a slice") {
                Some(Frame::Body(again)) => {
                    let again = parse_body(&again).expect("a written message parses");
                    assert_eq!(to_text(&again), text, "a message reads back otherwise");
                }
                other => panic!("a written frame reads back as {other:?}"),
            }
            assert!(input.is_empty(), "a written frame is not read to its end");
        }
        Err(response) => check_error_response(body, &response),
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&first, data)) = data.split_first() else {
        return;
    };
    let mut input = BufReader::with_capacity(1 + usize::from(first % 64), data);
    let consumed =
        |input: &BufReader<&[u8]>| data.len() - input.get_ref().len() - input.buffer().len();
    loop {
        let before = consumed(&input);
        let frame = match read_frame(&mut input) {
            Ok(Some(frame)) => frame,
            Ok(None) => break,
            Err(e) => panic!("reading a slice failed: {e}"),
        };
        assert!(consumed(&input) > before, "a frame read nothing");
        match frame {
            Frame::Body(body) => {
                assert!(body.len() <= MAX_BODY);
                round_trip(&body);
            }
            Frame::Bad(why) => assert!(!why.is_empty(), "a bad frame without a reason"),
        }
    }
});
