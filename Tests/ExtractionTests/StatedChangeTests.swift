import Testing
@testable import Extraction
import ReportText

/// A change from last year written after a value belongs to that value; the change figure is never the value.

@Test func anIncreaseWithItsGrowthRateAttachesToTheValueBeforeIt() {
    let found = chosenValues("本年度培育“法律明白人”86人,较上年增加30人,增长率53.6%,覆盖全镇各村。")
    let literates = found["legal.literates"]
    #expect(literates?.value == 86)
    #expect(literates?.statedChange == 30)
    #expect(literates?.statedGrowthPercent == 53.6)
}

@Test func aDecreaseIsNegative() {
    let found = chosenValues("全年受理信访件27件,比上年减少9件,同比下降25%。")
    let received = found["petitions.received"]
    #expect(received?.value == 27)
    #expect(received?.statedChange == -9)
    #expect(received?.statedGrowthPercent == -25)
}

@Test func aRateChangesInPercentagePointsNotPercent() {
    let found = chosenValues("全镇矛盾纠纷化解率达97.5%,同比提高2.5个百分点。")
    let rate = found["mediation.resolution_rate"]
    #expect(rate?.value == 97.5)
    #expect(rate?.statedChange == 2.5)
    #expect(rate?.statedGrowthPercent == nil)
}

@Test func aGrowthRateWithoutAnAbsoluteChange() {
    let found = chosenValues("全年开展法治宣传活动64场,较去年增长15.2%。")
    let events = found["publicity.events"]
    #expect(events?.value == 64)
    #expect(events?.statedChange == nil)
    #expect(events?.statedGrowthPercent == 15.2)
}

@Test func anAbsoluteChangeWithoutAGrowthRate() {
    let found = chosenValues("司法所共审查合同等文件21份,比上年增加了4份。")
    let reviews = found["review.legality_reviews"]
    #expect(reviews?.value == 21)
    #expect(reviews?.statedChange == 4)
    #expect(reviews?.statedGrowthPercent == nil)
}

@Test func aChangeInTheSameClauseWithoutACommaStillAttaches() {
    let found = chosenValues("全年排查化解矛盾纠纷75起同比下降12%。")
    #expect(found["mediation.disputes"]?.value == 75)
    #expect(found["mediation.disputes"]?.statedGrowthPercent == -12)
}

@Test func aChangeAboutAnotherFigureInTheSameSentenceDoesNotAttach() {
    let found = chosenValues("全年调解矛盾纠纷52起,发放宣传资料4000份,较上年增加600份。")
    #expect(found["mediation.disputes"]?.value == 52)
    #expect(found["mediation.disputes"]?.statedChange == nil)
    #expect(found["mediation.disputes"]?.statedGrowthPercent == nil)
    #expect(found["publicity.materials"]?.value == 4000)
    #expect(found["publicity.materials"]?.statedChange == 600)
}

@Test func aChangeOfAPartNamedAfterTheValueDoesNotAttach() {
    let found = chosenValues("全镇共排查化解矛盾纠纷140件,其中婚姻家庭纠纷较上年减少6件,调解成功率98%。")
    #expect(found["mediation.disputes"]?.value == 140)
    #expect(found["mediation.disputes"]?.statedChange == nil)
    #expect(found["mediation.resolution_rate"]?.statedChange == nil)
}

@Test func aChangeOfSomethingElseAfterAChangeWordDoesNotAttach() {
    let found = chosenValues("全镇建立人民调解委员会12个,比上年新建村级调解室3个。")
    #expect(found["mediation.committees"]?.value == 12)
    #expect(found["mediation.committees"]?.statedChange == nil)
}

@Test func aChangeInAnotherUnitDoesNotAttachAsAnAbsoluteChange() {
    let found = chosenValues("全年开展普法活动30场,较上年增加群众1200人次。")
    #expect(found["publicity.events"]?.value == 30)
    #expect(found["publicity.events"]?.statedChange == nil)
}

@Test func theChangeFigureIsNeverTheValue() {
    let found = chosenValues("全年解答群众法律咨询较上年增加300人次。")
    #expect(found["legal.consultations"] == nil)
}

@Test func aPercentChangeAfterARateIsAboutTheCountsNotTheRate() {
    let found = chosenValues("全年调解矛盾纠纷19起,调解成功率为94.74%,同比下降13.6%。")
    let rate = found["mediation.resolution_rate"]
    #expect(rate?.value == 94.74)
    #expect(rate?.statedGrowthPercent == nil)
    #expect(rate?.statedChange == nil)
}
