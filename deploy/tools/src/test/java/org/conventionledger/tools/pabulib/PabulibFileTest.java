package org.conventionledger.tools.pabulib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PabulibFileTest {

    private static final String SAMPLE = "\uFEFFMETA\r\n"
            + "key;value\r\n"
            + "description;\"Sample; with a semicolon\"\r\n"
            + "num_projects;2\r\n"
            + "num_votes;3\r\n"
            + "vote_type;approval\r\n"
            + "PROJECTS\r\n"
            + "project_id;cost;votes;name\r\n"
            + "10;500;2;\"Park \"\"Zielony\"\"\"\r\n"
            + "11;700;2;Library\r\n"
            + "VOTES\r\n"
            + "voter_id;vote;voting_method\r\n"
            + "1;10,11;internet\r\n"
            + "2;11;paper\r\n"
            + "3;10;internet\r\n";

    @Test
    void readsTheThreeSectionsWithQuotedFieldsAndCrlfKeepingMetaOrder() {
        PabulibFile file = PabulibFile.parse(SAMPLE);

        assertThat(file.meta().keySet()).containsExactly("description", "num_projects", "num_votes", "vote_type");
        assertThat(file.meta()).containsEntry("description", "Sample; with a semicolon");
        assertThat(file.projects().columns()).containsExactly("project_id", "cost", "votes", "name");
        assertThat(file.projects().rows())
                .extracting(r -> r.get("name"))
                .containsExactly("Park \"Zielony\"", "Library");
        assertThat(file.votes().rows()).hasSize(3);
        assertThat(PabulibFile.choices(file.votes().rows().get(0))).containsExactly("10", "11");
        assertThat(file.votes().rows().get(1)).containsEntry("voting_method", "paper");
    }

    @Test
    void whatItWritesReadsBackTheSame() {
        PabulibFile file = PabulibFile.parse(SAMPLE);

        String written = file.write();

        assertThat(written).startsWith("META\nkey;value\ndescription;\"Sample; with a semicolon\"\n");
        assertThat(PabulibFile.parse(written)).isEqualTo(file);
        assertThat(PabulibFile.parse(written).write()).isEqualTo(written);
    }

    @Test
    void aRowWithTooFewFieldsOrAMissingSectionIsRefused() {
        assertThatThrownBy(() -> PabulibFile.parse(SAMPLE.replace("2;11;paper", "2;11")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("VOTES");
        assertThatThrownBy(() -> PabulibFile.parse(SAMPLE.substring(0, SAMPLE.indexOf("VOTES"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("VOTES");
        assertThatThrownBy(() -> PabulibFile.parse("key;value\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Line 1");
    }

    @Test
    void anEmptyVoteChoosesNothing() {
        assertThat(PabulibFile.choices(Map.of("voter_id", "1", "vote", ""))).isEmpty();
    }

    @Test
    void readsWarsawOchota2019WithItsChannelsAddingUpToTheOfficialTotals() throws Exception {
        Path path = PabulibData.require(PabulibData.OCHOTA_2019);
        PabulibFile file = PabulibData.read(path);

        assertThat(file.meta())
                .containsEntry("num_projects", "21")
                .containsEntry("num_votes", "2751")
                .containsEntry("vote_type", "approval");
        assertThat(file.meta().keySet()).startsWith("description", "country", "unit");
        assertThat(file.projects().rows()).hasSize(21);
        assertThat(file.votes().rows()).hasSize(2751);
        assertThat(file.votes().rows().stream().filter(v -> "internet".equals(v.get("voting_method"))))
                .hasSize(2355);
        assertThat(file.votes().rows().stream().filter(v -> "paper".equals(v.get("voting_method"))))
                .hasSize(396);
        assertChannelsAddUp(file);
        assertThat(PabulibFile.parse(file.write())).isEqualTo(file);
    }

    @Test
    void readsWarsawPlacWojskaPolskiego2017() throws Exception {
        PabulibFile file = PabulibData.read(PabulibData.require(PabulibData.PLAC_WOJSKA_POLSKIEGO_2017));

        assertThat(file.projects().rows())
                .extracting(r -> r.get("project_id"))
                .containsExactly("427", "915", "2567", "1623");
        assertThat(file.votes().rows()).hasSize(27);
        assertThat(file.votes().rows().stream().filter(v -> "paper".equals(v.get("voting_method"))))
                .hasSize(4);
        assertChannelsAddUp(file);
    }

    private static void assertChannelsAddUp(PabulibFile file) {
        Map<String, Map<String, Long>> counted = PabulibData.approvalsByChannel(file);
        for (Map<String, String> project : file.projects().rows()) {
            Map<String, Long> channels = counted.getOrDefault(project.get("project_id"), Map.of());
            assertThat(channels.keySet()).isSubsetOf(List.of("internet", "paper"));
            assertThat(channels.values().stream().mapToLong(Long::longValue).sum())
                    .as("project %s", project.get("project_id"))
                    .isEqualTo(Long.parseLong(project.get("votes")));
        }
    }
}
