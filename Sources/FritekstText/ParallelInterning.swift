import Dispatch
import FritekstCore

extension Interner {
    /// Tokenises and interns a batch of answers on up to `threads` threads; the type ids are exactly those
    /// that feeding the answers one by one, in order, to `tokens(of:tokenizer:into:)` would give.
    ///
    /// The batch is cut into contiguous parts, four per thread (a thread that finishes early takes another). Each part looks surfaces up in the shared
    /// table (read only while the threads run) and normalises the surfaces it does not find into its own
    /// table. Afterwards the new surfaces are added part by part, each part in its first-seen order, which
    /// is the order of first appearance in the batch, so ids do not depend on the number of threads.
    public mutating func tokens(of texts: [String], tokenizer: Tokenizer, threads: Int) -> [[Token]] {
        let n = texts.count
        guard n > 0 else { return [] }
        let parts = max(1, min(threads == 1 ? 1 : threads * 4, (n + 63) / 64))
        let (tokens, locals) = Self.scanParts(texts, parts: parts, tokenizer: tokenizer, shared: table)
        var result = tokens
        // Add each part's new surfaces in order and point the part's local ids at the shared ids.
        for w in 0..<parts where locals[w].count > 0 {
            let local = locals[w]
            var map: [TypeID] = []
            map.reserveCapacity(local.count)
            for e in 0..<local.count {
                map.append(local.surfaces.withKey(e) { internNormalised($0, local.normalised[e]) })
            }
            for k in local.answers {
                for j in result[k].indices where result[k][j].type < 0 {
                    result[k][j].type = map[Int(-result[k][j].type - 1)]
                }
            }
        }
        return result
    }

    /// Tokens of each response as `tokens(of:tokenizer:threads:)` gives them; an unanswered response has none.
    public mutating func tokens(of responses: ArraySlice<Response>, tokenizer: Tokenizer, threads: Int) -> [[Token]] {
        // Through a buffer pointer: reading a field does not copy (and retain) the whole response.
        let texts = responses.withUnsafeBufferPointer { rs in
            rs.indices.map { k -> String in
                let text = rs[k].text
                return Response.isAnswered(text) ? text : ""
            }
        }
        return tokens(of: texts, tokenizer: tokenizer, threads: threads)
    }

    /// A surface found by one thread only: its bytes (in `surfaces`, id = index) and its normalised form.
    struct LocalSurfaces {
        var surfaces = SurfaceTable()
        var normalised: [String] = []
        /// Answers (batch indices) with at least one token of a local surface: only these need new ids.
        var answers: [Int] = []
        var count: Int { normalised.count }
    }

    /// Phase one of `tokens(of:tokenizer:threads:)`: tokens with shared ids, or −(local index + 1) for new surfaces.
    private static func scanParts(_ texts: [String], parts: Int, tokenizer: Tokenizer, shared: SurfaceTable)
        -> ([[Token]], [LocalSurfaces]) {
        let n = texts.count
        let out = UnsafeSlots<[Token]>(count: n, initial: [])
        let locals = UnsafeSlots<LocalSurfaces>(count: parts, initial: LocalSurfaces())
        DispatchQueue.concurrentPerform(iterations: parts) { w in
            var local = LocalSurfaces()
            var usesLocal = false
            @inline(__always) func lookup(_ slice: UnsafeBufferPointer<UInt8>) -> TypeID {
                if let id = shared.find(slice) { return id }
                usesLocal = true
                if let l = local.surfaces.find(slice) { return -l - 1 }
                let l = TypeID(local.count)
                local.normalised.append(Normalizer.normalizeToken(slice))
                local.surfaces.insert(slice, l)
                return -l - 1
            }
            for k in (n * w / parts)..<(n * (w + 1) / parts) {
                var text = texts[k]
                var tokens: [Token] = []
                text.withUTF8 { p in
                    tokens.reserveCapacity(p.count / 4 + 2)     // Norwegian prose: about one token per five bytes
                    tokenizer.scan(p) { raw in
                        let id: TypeID
                        if raw.lineJoin == .none {
                            id = lookup(UnsafeBufferPointer(rebasing: p[raw.start..<raw.end]))
                        } else {
                            id = Interner.joinedBytes(p, raw).withUnsafeBufferPointer { lookup($0) }
                        }
                        tokens.append(Token(type: id, start: Int32(raw.start), end: Int32(raw.end), sentence: raw.sentence, kind: raw.kind))
                    }
                }
                out.set(k, tokens)
                if usesLocal { local.answers.append(k); usesLocal = false }
            }
            locals.set(w, local)
        }
        return (out.values, locals.values)
    }
}

