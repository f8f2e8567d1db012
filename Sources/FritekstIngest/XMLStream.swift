import CLibXML2
import Foundation
import FritekstCore

/// Receives the events of a streaming XML parse (element names without namespace prefix).
protocol XMLStreamHandler: AnyObject {
    /// An element starts; `attributes` maps local names (and `prefix:local`) to values.
    func start(_ name: String, _ attributes: [String: String])
    /// An element ends.
    func end(_ name: String)
    /// Character data (may arrive in several pieces).
    func text(_ bytes: UnsafeBufferPointer<UInt8>)
}

/// A libxml2 SAX2 push parser fed in chunks, so large XML (an XLSX sheet) is never held whole in memory.
///
/// DTDs are refused (XLSX parts never have one), which also rules out entity expansion attacks.
final class XMLStream {
    private var ctxt: xmlParserCtxtPtr?
    private var sax = xmlSAXHandler()
    private unowned let handler: any XMLStreamHandler
    private let file: String
    private let part: String
    private var failure: FritekstError?
    /// Set by a handler to stop the parse with an error.
    var abort: FritekstError? {
        get { failure }
        set { failure = newValue; if newValue != nil, let ctxt { xmlStopParser(ctxt) } }
    }

    /// libxml2's global state must be set up once before parsers are used from several threads.
    private static let libraryReady: Bool = { xmlInitParser(); return true }()

    /// Creates a parser for `part` of `file`, delivering events to `handler`.
    init(handler: any XMLStreamHandler, file: String, part: String) {
        _ = XMLStream.libraryReady
        self.handler = handler
        self.file = file
        self.part = part
        sax.initialized = UInt32(XML_SAX2_MAGIC)
        sax.startElementNs = { ctx, localname, _, _, _, _, nbAttributes, _, attributes in
            guard let ctx, let localname else { return }
            let me = Unmanaged<XMLStream>.fromOpaque(ctx).takeUnretainedValue()
            var attrs: [String: String] = [:]
            if let attributes, nbAttributes > 0 {
                for k in 0..<Int(nbAttributes) {
                    guard let name = attributes[5 * k], let start = attributes[5 * k + 3], let end = attributes[5 * k + 4] else { continue }
                    let value = String(decoding: UnsafeBufferPointer(start: start, count: end - start), as: UTF8.self)
                    let local = String(cString: name)
                    if let p = attributes[5 * k + 1] {
                        attrs[String(cString: p) + ":" + local] = value
                        if attrs[local] == nil { attrs[local] = value }
                    } else {
                        attrs[local] = value
                    }
                }
            }
            me.handler.start(String(cString: localname), attrs)
        }
        sax.endElementNs = { ctx, localname, _, _ in
            guard let ctx, let localname else { return }
            let me = Unmanaged<XMLStream>.fromOpaque(ctx).takeUnretainedValue()
            me.handler.end(String(cString: localname))
        }
        sax.characters = { ctx, chars, len in
            guard let ctx, let chars, len > 0 else { return }
            let me = Unmanaged<XMLStream>.fromOpaque(ctx).takeUnretainedValue()
            me.handler.text(UnsafeBufferPointer(start: chars, count: Int(len)))
        }
        sax.cdataBlock = sax.characters
        sax.ignorableWhitespace = sax.characters   // whitespace-only cells (" ") are data
        sax.internalSubset = { ctx, _, _, _ in
            guard let ctx else { return }
            let me = Unmanaged<XMLStream>.fromOpaque(ctx).takeUnretainedValue()
            me.abort = FritekstError(.input, "\(me.part) contains a DTD, which XLSX files never have", file: me.file)
        }
        // Structured error handler that prints nothing; errors are read back from the context.
        sax.serror = { _, _ in }
    }

    deinit {
        if let ctxt { xmlFreeParserCtxt(ctxt) }   // also frees its own copy of the SAX handler
    }

    /// Feeds the next chunk of bytes.
    func feed(_ bytes: UnsafeRawBufferPointer) throws {
        try ensureContext()
        var offset = 0
        // xmlParseChunk takes an Int32 length; feed big buffers in pieces.
        repeat {
            let n = min(bytes.count - offset, 1 << 20)
            let base = bytes.baseAddress.map { $0.advanced(by: offset).assumingMemoryBound(to: CChar.self) }
            let rc = xmlParseChunk(ctxt, base, Int32(n), 0)
            try check(rc)
            offset += n
        } while offset < bytes.count
    }

    /// Feeds `data` as one chunk.
    func feed(_ data: Data) throws {
        try data.withUnsafeBytes { try feed($0) }
    }

    /// Signals the end of input and reports any error.
    func finish() throws {
        try ensureContext()
        let rc = xmlParseChunk(ctxt, nil, 0, 1)
        try check(rc)
    }

    private func ensureContext() throws {
        if ctxt != nil { return }
        let me = Unmanaged.passUnretained(self).toOpaque()
        ctxt = withUnsafeMutablePointer(to: &sax) { xmlCreatePushParserCtxt($0, me, nil, 0, part) }
        guard let ctxt else { throw FritekstError(.input, "cannot create XML parser for \(part)", file: file) }
        _ = xmlCtxtUseOptions(ctxt, Int32(XML_PARSE_HUGE.rawValue | XML_PARSE_NONET.rawValue
                                              | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue))
    }

    private func check(_ rc: Int32) throws {
        if let failure { throw failure }
        if rc != 0 || (ctxt.map { $0.pointee.wellFormed == 0 } ?? false) {
            var message = "XML error \(rc)"
            var line: Int?
            if let err = xmlCtxtGetLastError(UnsafeMutableRawPointer(ctxt)), err.pointee.code != 0 {
                if let m = err.pointee.message {
                    message = String(cString: m).trimmingCharacters(in: .whitespacesAndNewlines)
                }
                line = Int(err.pointee.line)
            }
            let at = line.map { " line \($0)" } ?? ""
            throw FritekstError(.input, "damaged XLSX: invalid XML in \(part)\(at): \(message)", file: file)
        }
    }
}
