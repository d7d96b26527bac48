package dev.wedge.label.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HostStatusTest {

    private static final String STX = "\u0002";
    private static final String ETX = "\u0003\r\n";

    @Test
    void readsTheFlagsAndCountersOfAllThreeStrings() {
        String reply = STX + "030,1,1,1218,002,1,0,0,000,0,0,0" + ETX
                + STX + "001,0,1,1,0,2,4,0,00000007,1,000" + ETX
                + STX + "1234,0" + ETX;

        HostStatus status = HostStatus.parse(reply);

        assertThat(status).isEqualTo(new HostStatus(true, true, 1218, 2, true, true, true, 7));
        assertThat(status.faults()).containsExactly(HostStatus.Condition.HEAD_OPEN, HostStatus.Condition.PAPER_OUT,
                HostStatus.Condition.RIBBON_OUT, HostStatus.Condition.PAUSED, HostStatus.Condition.BUFFER_FULL);
        assertThat(status.isIdle()).isFalse();
    }

    @Test
    void writesAReplyThatReadsBackTheSame() {
        HostStatus status = new HostStatus(false, true, 800, 0, false, false, false, 0);

        assertThat(HostStatus.parse(status.toReply())).isEqualTo(status);
        assertThat(HostStatus.isComplete(status.toReply())).isTrue();
        assertThat(HostStatus.isComplete(status.toReply().substring(0, 30))).isFalse();
    }

    @Test
    void refusesATruncatedOrMalformedReplyNamingWhatIsWrong() {
        assertThatThrownBy(() -> HostStatus.parse(STX + "030,0,0,1218" + ETX))
                .hasMessageContaining("1 complete STX..ETX lines instead of 3");
        String badFlag = STX + "030,x,0,1218,000,0,0,0,000,0,0,0" + ETX + STX + "001,0,0,0,0,2,4,0,00000000,1,000" + ETX
                + STX + "1234,0" + ETX;
        assertThatThrownBy(() -> HostStatus.parse(badFlag)).hasMessageContaining("paper out flag 'x'");
    }

    @Test
    void takesAReplyAsCompleteAtItsThirdEtxWhateverLineEndsFollow() {
        String bare = HostStatus.ready(1218).toReply().replace("\r\n", "");
        String lineFeeds = HostStatus.ready(1218).toReply().replace("\r\n", "\n");

        assertThat(HostStatus.isComplete(bare)).isTrue();
        assertThat(HostStatus.isComplete(lineFeeds)).isTrue();
        assertThat(HostStatus.parse(bare)).isEqualTo(HostStatus.ready(1218));
        assertThat(HostStatus.isComplete(bare.substring(0, bare.length() - 1))).isFalse();
    }
}
