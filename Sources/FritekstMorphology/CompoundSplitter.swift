/// A split of the whole surface word: head as written, lemma of the last part.
struct SurfaceSplit {
    /// The written head, linking letters included (`arbeidsevne`, `tiltaks`).
    var head: String
    /// The lemma of the inflected last part (`vurdering` for `vurderingene`).
    var lastLemma: String
    /// Variety of the last part.
    var lastVariety: Variety?
}

/// One way of cutting a string into compound parts.
private struct Segmentation {
    var parts: [String]
    var lastLength: Int
    var lastIsVerb: Bool
    /// The last part carries the compound flag z.
    var lastHasZ: Bool
    /// A linking -s- was dropped right before the last part.
    var linkedBeforeLast = false

    /// Fewest parts, then a non-verb last part (compounds rarely end in a verb), then a last
    /// part with z, then a linking -s- before the last part over a last part starting with s
    /// (kontakt + senter, markeds + team; not kontakts + enter, marked + steam), then the
    /// longest last part.
    func isBetter(than o: Segmentation) -> Bool {
        if parts.count != o.parts.count { return parts.count < o.parts.count }
        if lastIsVerb != o.lastIsVerb { return !lastIsVerb }
        if lastHasZ != o.lastHasZ { return lastHasZ }
        if linkedBeforeLast != o.linkedBeforeLast { return linkedBeforeLast }
        return lastLength > o.lastLength
    }
}

/// Compound splitting.
///
/// Policy (documented choice: split fully into minimal dictionary parts):
/// - A word is split only where every part is a base entry of the dictionary (nb for bokmål
///   and shared words; nb + nn for nynorsk words) or a table word, with an optional linking
///   -s- or -e- after a non-final part. A part must carry the compound flag `z`, or have at
///   least five letters, or be on the short-part list: the word lists also hold imperatives,
///   inflected forms and rare words (`tjen`, `este`, `port`, `henv`) that would make junk.
/// - Parts shorter than 4 letters come only from a small list (fag, syk, sak, tid, år, ...),
///   so kontor is not kon + tor; particles and prepositions (opp, til, over, sam, ...) are
///   never parts, so oppfølging, tilskudd and samarbeid stay whole.
/// - Derivational suffixes that are also words (skap, het, ling, ...) are never last parts,
///   and a last part never cuts through the suffix the word ends in (digitalisering is not
///   digitalis + ring). A part ending in -het, -ing, -sjon, -skap, -dom, -else, -itet or -nad
///   must be followed by the linking -s- Norwegian requires there (enhets + leder, not
///   enhet + sleder "sleds").
/// - A word that is itself a real dictionary lemma (z) is not cut into a head and a last part
///   without z joined directly (kartlegging stays whole; see `keepsWhole`).
/// - Recursive: every part that itself splits is split (arbeidsevnevurdering -> arbeid + evne
///   + vurdering). At each level the split with the fewest parts wins, then one whose last
///   part is not a verb, then the longest last part.
/// - The lemma is split, so the last part is a lemma too (sykefraværet -> sykefravær ->
///   syk + fravær). Sykefravær is split fully: syk + e + fravær, both dictionary words.
extension MorphologyEngine {
    /// Compound parts of a lemma (≥ 2 parts, fully split), or nil when it is not a compound.
    /// `nynorsk` widens the part dictionary from nb to nb + nn.
    func splitLemma(_ lemma: String, nynorsk: Bool) -> [String]? {
        let key = (nynorsk ? "n\u{1}" : "b\u{1}") + lemma
        if let m = splitMemo[key] { return m }
        let scalars = Array(lemma.unicodeScalars)
        var result: [String]? = nil
        // Compound verbs are lexicalised (kartlegge, overprøve, saksbehandle) and stay whole.
        if scalars.count >= 5, !isVerbLemma(lemma), let top = bestSplit(scalars, nynorsk: nynorsk),
           !keepsWhole(lemma, top.parts) {
            var flat: [String] = []
            for p in top.parts {
                if p.unicodeScalars.count < scalars.count, let sub = splitLemma(p, nynorsk: nynorsk) {
                    flat.append(contentsOf: sub)
                } else {
                    flat.append(p)
                }
            }
            result = flat
        }
        splitMemo[key] = result
        return result
    }

    /// True when `lemma` is itself a real lemma (an entry with z) and the split would end in a
    /// part that is no real lemma, joined to the part before it without a linking letter:
    /// kartlegging is not kart + legging, vektlegging not vekt + legging (legging has no z and
    /// makes no compounds of its own). A whole dictionary word beats such a split; splits
    /// with a real last part (fag + system) or a linking letter (sak-s-behandling) stay.
    private func keepsWhole(_ lemma: String, _ parts: [String]) -> Bool {
        guard hasZ(lemma), parts.count >= 2, let last = parts.last else { return false }
        if isRealLemma(last) || table[last] != nil || LemmaTables.domainNouns.contains(last) { return false }
        guard lemma.hasSuffix(last) else { return false }
        return lemma.dropLast(last.count).hasSuffix(parts[parts.count - 2])
    }

    /// The best segmentation of the lemma `s` into at least two parts.
    private func bestSplit(_ s: [Unicode.Scalar], nynorsk: Bool) -> Segmentation? {
        let n = s.count
        // reachable[i]: s[0..<i] is a sequence of non-final parts (forward pass); only there
        // can a later part start, so most non-compounds are settled after one short scan.
        var reachable = [Bool](repeating: false, count: n + 1)
        reachable[0] = true
        var any = false
        for k in 0..<n where reachable[k] {
            var cur = prefixes.cursor()
            for i in (k + 1)..<n {
                let isPrefix = prefixes.advance(&cur, scalar: s[i - 1])
                if !reachable[i] && prefixes.mayBePart(cur, last: s[i - 1])
                    && nonFinalPart(string(s[k..<i]), nynorsk: nynorsk) != nil {
                    reachable[i] = true
                    any = true
                }
                if !isPrefix { break }
            }
        }
        guard any else { return nil }
        // best[i]: best segmentation of s[i..<n] (one or more parts), for reachable i >= 1.
        var best = [Segmentation?](repeating: nil, count: n + 1)
        for i in stride(from: n - 1, through: 0, by: -1) where reachable[i] {
            var b: Segmentation? = nil
            var cur = prefixes.cursor()
            for j in (i + 1)...n {
                let isPrefix = prefixes.advance(&cur, scalar: s[j - 1])
                // Only strings that are index words (or one plus a linking letter) can be parts.
                guard prefixes.mayBePart(cur, last: s[j - 1]) else {
                    if isPrefix { continue } else { break }
                }
                let piece = string(s[i..<j])
                if j == n {
                    // At the top level (i == 0) a single part is not a split.
                    if i > 0, let p = lastPart(piece, nynorsk: nynorsk), !cutsSuffix(whole: s, lastLength: n - i) {
                        let cand = Segmentation(parts: [p], lastLength: j - i, lastIsVerb: isVerbLemma(p), lastHasZ: hasZ(p))
                        if b.map({ cand.isBetter(than: $0) }) ?? true { b = cand }
                    }
                } else if let rest = best[j], let p = nonFinalPart(piece, nynorsk: nynorsk) {
                    let linked = rest.parts.count == 1 ? (p != piece && piece.hasSuffix("s")) : rest.linkedBeforeLast
                    let cand = Segmentation(parts: [p] + rest.parts, lastLength: rest.lastLength, lastIsVerb: rest.lastIsVerb,
                                            lastHasZ: rest.lastHasZ, linkedBeforeLast: linked)
                    if b.map({ cand.isBetter(than: $0) }) ?? true { b = cand }
                }
                // No dictionary word starts this way, so no longer piece can be a part (the
                // piece just tried may still have been a word plus a linking letter).
                if !isPrefix { break }
            }
            best[i] = b
        }
        return best[0]
    }

    /// Splits an inflected surface word into a head of base entries (with linking letters)
    /// and a last part Hunspell knows directly (fagsystemene -> fag + systemene), giving the
    /// lemma head + lemma(last part). The last part's lemma is its best candidate, except that
    /// a verb gives way to a noun candidate with z (compounds end in nouns); a verb + verb
    /// split is rejected, as are last parts Hunspell knows only capitalised (names).
    func surfaceSplit(_ w: String, nynorsk: Bool) -> SurfaceSplit? {
        let s = Array(w.unicodeScalars)
        let n = s.count
        guard n >= 6 else { return nil }
        // headCount[i]: fewest parts for s[0..<i] as non-final parts.
        // headLast[i]: the last part of that head.
        var headCount = [Int?](repeating: nil, count: n + 1)
        var headLast = [String](repeating: "", count: n + 1)
        var headLinked = [Bool](repeating: false, count: n + 1)
        headCount[0] = 0
        for k in 0..<n {
            guard let c = headCount[k] else { continue }
            var cur = prefixes.cursor()
            for i in (k + 1)..<n {
                let isPrefix = prefixes.advance(&cur, scalar: s[i - 1])
                if prefixes.mayBePart(cur, last: s[i - 1]) {
                    let piece = string(s[k..<i])
                    if let p = nonFinalPart(piece, nynorsk: nynorsk), headCount[i].map({ c + 1 < $0 }) ?? true {
                        headCount[i] = c + 1
                        headLast[i] = p
                        headLinked[i] = p != piece && piece.hasSuffix("s")
                    }
                }
                if !isPrefix { break }
            }
        }
        // Fewest parts; among equals a last part whose lemma has z, then a linking -s- before
        // the last part (markeds + teamet, not marked + steamet), then the longest last part
        // (the scan runs longest-last first).
        var chosen: (count: Int, z: Bool, linked: Bool, split: SurfaceSplit)? = nil
        for i in 1..<n {
            guard let hc = headCount[i], hc > 0 else { continue }
            if let c = chosen, hc + 1 > c.count || (hc + 1 == c.count && c.z && c.linked) { continue }
            // cheap filter before asking Hunspell: the last part's stem must start like a word
            guard prefixes.hasPrefix(s[i..<min(n, max(i + 3, n - 4))]) else { continue }
            let last = string(s[i..<n])
            guard partLengthOK(last), !LemmaTables.blockedParts.contains(last),
                  !LemmaTables.blockedLastParts.contains(last) else { continue }
            guard isDirectlyKnown(last) else { continue }
            let lastCore = partCore(last)
            // A verb lemma gives way to a noun reading only when that noun is a real lemma (z)
            // and the verb is not itself a masculine noun: tider -> tid (not tide); pakker,
            // samtaler, møtene keep pakke, samtale, møte; a passive in -es keeps its verb
            // (datofordeles: fordele, not fordel).
            var lemma = lastCore.lemmas[0]
            let passive = last.hasSuffix("es") && !Self.hasNounEnding(last)
            if isVerbLemma(lemma) && !isNounVerb(lemma) && !passive,
               let noun = lastCore.lemmas.first(where: { !isVerbLemma($0) && hasZ($0) }) {
                lemma = noun
            }
            guard lastPart(lemma, nynorsk: true) != nil || table[lemma] != nil else { continue }
            // verb + verb is no Norwegian compound (lede + lesen for the typo ledelesen)
            if isVerbLemma(lemma) && isVerbLemma(headLast[i]) { continue }
            let whole = Array(s[0..<i]) + Array(lemma.unicodeScalars)
            if cutsSuffix(whole: whole, lastLength: lemma.unicodeScalars.count) { continue }
            let z = hasZ(lemma)
            if let c = chosen, hc + 1 == c.count {
                if c.z && !z { continue }
                if c.z == z && (c.linked || !headLinked[i]) { continue }
            }
            chosen = (hc + 1, z, headLinked[i], SurfaceSplit(head: string(s[0..<i]), lastLemma: lemma, lastVariety: lastCore.variety))
        }
        return chosen?.split
    }

    /// A light `core` for a compound's last part: tables and Hunspell's direct readings only
    /// (no compound route of its own, no nynorsk mapping, no parts), memoised.
    func partCore(_ w: String) -> CoreResult {
        if let c = partMemo[w] { return c }
        let c: CoreResult
        if let done = coreMemo[w] {
            c = done
        } else if table[w] != nil || LemmaTables.nynorsk[w] != nil || LemmaTables.bokmal[w] != nil
                    || LemmaTables.irregular[w] != nil {
            c = core(w)
        } else {
            let r = readings(w)
            if r.direct.isEmpty {
                c = core(w)                       // domain nouns and abbreviations with endings
            } else {
                let variety: Variety? = r.inNb == r.inNn ? nil : (r.inNb ? .bokmal : .nynorsk)
                let ranked = rank(w, r.direct)
                c = CoreResult(lemmas: ranked.isEmpty ? [w] : ranked, parts: [], known: true, direct: true, variety: variety)
            }
        }
        partMemo[w] = c
        return c
    }

    /// True when a table or a dictionary (in lower case) knows the word itself.
    func isDirectlyKnown(_ w: String) -> Bool {
        if table[w] != nil || LemmaTables.nynorsk[w] != nil || LemmaTables.bokmal[w] != nil
            || LemmaTables.irregular[w] != nil { return true }
        for e in LemmaTables.abbreviationEndings where w.hasSuffix(e) {
            let base = String(w.dropLast(e.count))
            if LemmaTables.domainNouns.contains(base) || LemmaTables.inflectableAbbreviations.contains(base) { return true }
        }
        let r = readings(w)
        return !r.direct.isEmpty && !r.viaCase
    }

    /// A non-final part with its linking letter resolved to a lemma, or nil.
    ///
    /// -s: the part without the s when that is a word (saks -> sak, arbeids -> arbeid).
    /// -e: both readings may be words (måle/mål, oppgave/oppgav): prefer the one with the
    /// compound flag z, else keep the e; drop the e only when the e-form is no word (syke -> syk).
    func nonFinalPart(_ p: String, nynorsk: Bool) -> String? {
        if p.hasSuffix("s") {
            let stripped = String(p.dropLast())
            if isPart(stripped, nynorsk: nynorsk) { return stripped }
            return isPart(p, nynorsk: nynorsk) && !needsLinkingS(p) ? p : nil
        }
        if needsLinkingS(p) { return nil }
        if p.hasSuffix("e") {
            let stripped = String(p.dropLast())
            let full = isPart(p, nynorsk: nynorsk)
            let short = isPart(stripped, nynorsk: nynorsk) && !needsLinkingS(stripped)
            if full && short { return (hasZ(stripped) && !hasZ(p)) ? stripped : p }
            if full { return p }
            if short { return stripped }
            return nil
        }
        return isPart(p, nynorsk: nynorsk) ? p : nil
    }

    /// Words ending in these suffixes take the linking -s- as first parts of compounds.
    func needsLinkingS(_ p: String) -> Bool {
        let n = p.unicodeScalars.count
        for (sfx, minimum) in [("het", 5), ("heit", 6), ("ing", 6), ("sjon", 6), ("skap", 7), ("dom", 6),
                               ("else", 6), ("itet", 6), ("nad", 6)] where p.hasSuffix(sfx) {
            return n >= minimum
        }
        return false
    }

    /// A last part: a base word that is not a derivational suffix look-alike.
    func lastPart(_ p: String, nynorsk: Bool) -> String? {
        guard !LemmaTables.blockedLastParts.contains(p), isPart(p, nynorsk: nynorsk) else { return nil }
        return p
    }

    /// A string that may serve as a compound part: length rule, block list, and a base entry
    /// (nb, or nb + nn for nynorsk words) that carries z or has at least five letters; table
    /// words; derived nouns in -ing/-het/-else/-itet that Hunspell knows directly.
    func isPart(_ p: String, nynorsk: Bool) -> Bool {
        guard partLengthOK(p), !LemmaTables.blockedParts.contains(p) else { return false }
        if table[p] != nil || LemmaTables.domainNouns.contains(p) || (nynorsk && LemmaTables.nynorsk[p] != nil) { return true }
        let f = nynorsk ? nbEntries[p].union(nnEntries[p]) : nbEntries[p]
        if f.exists {
            return f.has(UInt8(ascii: "z")) || nnEntries[p].has(UInt8(ascii: "z"))
                || p.unicodeScalars.count >= 5 || LemmaTables.shortParts.contains(p)
        }
        // Derived nouns missing from the word list as entries (kvalifisering, mestring).
        if derivedNouns.contains(p) { return true }
        for suffix in ["het", "else", "itet"] where p.hasSuffix(suffix) && p.unicodeScalars.count >= 6 {
            let r = readings(p)
            return !r.direct.isEmpty && !r.viaCase && (r.inNb || nynorsk)
        }
        return false
    }

    /// Parts need at least four letters unless they are on the short-part list.
    func partLengthOK(_ p: String) -> Bool {
        p.unicodeScalars.count >= 4 || LemmaTables.shortParts.contains(p)
    }

    /// True when a last part of `lastLength` letters would cut through the derivational
    /// suffix the word ends in (digitalis + ring for digitalisering): the last part must
    /// hold the whole suffix plus a root.
    func cutsSuffix(whole s: [Unicode.Scalar], lastLength: Int) -> Bool {
        for (suffix, minimum) in Self.derivationalSuffixMinimum {
            let sfx = Array(suffix.unicodeScalars)
            if s.count >= sfx.count && Array(s[(s.count - sfx.count)...]) == sfx {
                return lastLength < minimum
            }
        }
        return false
    }

    /// Derivational endings and the shortest last part allowed in words ending in them.
    static let derivationalSuffixMinimum: [(String, Int)] = [
        ("ering", 8), ("ighet", 8), ("sjon", 7), ("else", 6), ("itet", 7), ("isme", 7), ("ing", 6),
    ]
}

/// Builds a String from a slice of scalars (encoded to UTF-8 in a stack buffer).
func string(_ s: ArraySlice<Unicode.Scalar>) -> String {
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: s.count * 4 + 1) { buf in
        var n = 0
        for sc in s {
            let v = sc.value
            if v < 0x80 {
                buf[n] = UInt8(v); n += 1
            } else if v < 0x800 {
                buf[n] = UInt8(0xC0 | (v >> 6)); buf[n + 1] = UInt8(0x80 | (v & 0x3F)); n += 2
            } else if v < 0x10000 {
                buf[n] = UInt8(0xE0 | (v >> 12)); buf[n + 1] = UInt8(0x80 | ((v >> 6) & 0x3F))
                buf[n + 2] = UInt8(0x80 | (v & 0x3F)); n += 3
            } else {
                buf[n] = UInt8(0xF0 | (v >> 18)); buf[n + 1] = UInt8(0x80 | ((v >> 12) & 0x3F))
                buf[n + 2] = UInt8(0x80 | ((v >> 6) & 0x3F)); buf[n + 3] = UInt8(0x80 | (v & 0x3F)); n += 4
            }
        }
        return String(decoding: UnsafeBufferPointer(rebasing: buf[0..<n]), as: UTF8.self)
    }
}
