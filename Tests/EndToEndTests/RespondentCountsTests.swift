@testable import FritekstPipeline
import Testing

/// Streamed runs count respondents by their record; records that differ anywhere must stay apart.
@Suite struct RespondentCountsTests {
    @Test func recordsThatDifferAnywhereAreCountedApart() {
        var counts = RespondentCounts()
        var themes = Array(repeating: false, count: 70)
        counts.add(groups: ["veileder", "statlig"], answered: true, themes: themes, wave: "2019")
        counts.add(groups: ["veileder", "statlig"], answered: true, themes: themes, wave: "2019")
        counts.add(groups: ["veileders", "tatlig"], answered: true, themes: themes, wave: "2019")     // same bytes, other cut
        counts.add(groups: ["veileder", "statlig"], answered: false, themes: themes, wave: "2019")
        counts.add(groups: ["veileder", "statlig"], answered: true, themes: themes, wave: "2023")
        themes[66] = true                                                                       // past the first 64 bits
        counts.add(groups: ["veileder", "statlig"], answered: true, themes: themes, wave: "2019")
        counts.add(groups: ["veileder", "statlig"], answered: true, themes: themes, wave: "2019", 3)
        themes[66] = false; themes[0] = true
        counts.add(groups: ["mellomleder", "kommunal"], answered: true, themes: themes, wave: "2019")
        #expect(counts.counts == [2, 1, 1, 1, 4, 1])
        #expect(counts.order.map(\.groups) == [["veileder", "statlig"], ["veileders", "tatlig"], ["veileder", "statlig"],
                                               ["veileder", "statlig"], ["veileder", "statlig"], ["mellomleder", "kommunal"]])
        #expect(counts.order[4].themes[66] && !counts.order[0].themes[66])
        var merged = RespondentCounts()
        merged.add(groups: ["mellomleder", "kommunal"], answered: true, themes: themes, wave: "2019", 5)
        merged.merge(counts)
        #expect(merged.counts == [6, 2, 1, 1, 1, 4])
    }
}
