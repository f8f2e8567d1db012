import Testing
@testable import FritekstMorphology

/// The word index behind the compound splitter (prefixes) and the noun/verb test (endings).
@Suite struct PrefixIndexTests {
    let index = PrefixIndex(words: ["lønnspakke", "tiltakspakke", "pakke", "lønnspakke", "arbeidspakke", "sekke",
                                    "fagmøte", "personalmøte", "møte", "ø", "pakk"])

    @Test func duplicateWordsAreKeptOnceAndPrefixesStillAnswer() {
        #expect(index.hasPrefix("lønns"))
        #expect(index.hasPrefix("personalm"))
        #expect(!index.hasPrefix("pakkep"))
        // «lønnspakke» was given twice: it counts once
        #expect(index.endings().countWords(endingIn: Array("pakke".utf8), extra: 3, limit: 100) == 3)
    }

    @Test func endingsCountLongerWordsOnlyAndReadNorwegianLetters() {
        let e = index.endings()
        #expect(e.countWords(endingIn: Array("møte".utf8), extra: 3, limit: 100) == 2)      // fagmøte, personalmøte
        #expect(e.countWords(endingIn: Array("møte".utf8), extra: 5, limit: 100) == 1)      // personalmøte
        #expect(e.countWords(endingIn: Array("ekke".utf8), extra: 0, limit: 100) == 1)      // sekke
        #expect(e.countWords(endingIn: Array("pakk".utf8), extra: 1, limit: 100) == 0)      // no word ends in -pakk but pakk
        #expect(e.countWords(endingIn: Array("pakke".utf8), extra: 3, limit: 2) == 2)       // the limit caps the count
        #expect(e.countWords(endingIn: Array("e".utf8), extra: 0, limit: 100) == 0)         // one byte: no bucket
    }
}
