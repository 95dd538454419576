package org.conventionledger.rules.selection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link CategoriesCsv} and {@link PeopleCsv}: both category layouts, ids, and errors that say where. */
class SelectionCsvTest {

    private static final List<Category> GENDER_AGE = List.of(
            new Category("gender", List.of(new ValueQuota("female", 1, 2), new ValueQuota("male", 1, 2))),
            new Category("age", List.of(new ValueQuota("16-29", 0, 2), new ValueQuota("30+", 0, 3))));

    @Test
    void replicationLayout() {
        List<Category> categories = CategoriesCsv.parse("""
                category,feature,min,max
                gender,female,1,2
                age,16-29,0,2
                gender,male,1,2
                age,30+,0,3
                """);

        assertThat(categories).isEqualTo(GENDER_AGE);
    }

    @Test
    void sortitionFoundationLayoutWithFlexColumnsIgnored() {
        List<Category> categories = CategoriesCsv.parse("\uFEFFFeature, Value ,min,max,min_flex,max_flex\r\n"
                + "gender,female,1,2,0,20\r\n"
                + "gender,male,1,2,0,20\r\n"
                + "\"age\",16-29,0,2,,\r\n"
                + "age,30+,0,3,0,\r\n"
                + "\r\n");

        assertThat(categories).isEqualTo(GENDER_AGE);
    }

    @Test
    void sortitionFoundationLayoutWithoutFlexColumns() {
        assertThat(CategoriesCsv.parse("feature,value,min,max\ngender,female,1,2\ngender,male,1,2\n"))
                .isEqualTo(GENDER_AGE.subList(0, 1));
    }

    @Test
    void quotedFieldsMayHoldCommasAndQuotes() {
        List<Category> categories = CategoriesCsv.parse("feature,value,min,max\n"
                + "\"region\",\"Paris, \"\"intra-muros\"\"\",1,3\n"
                + "region,elsewhere,0,3\n");

        assertThat(categories.get(0).values().get(0).value()).isEqualTo("Paris, \"intra-muros\"");
    }

    // CHECKSTYLE:OFF a table of cases reads best one case a line
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            empty file          | ``                                                     | line 1: the categories file is empty
            unknown header      | `name,min,max\\ngender,1,2`                           | line 1, column 1 (name): unknown column
            missing column      | `category,feature,min\\ngender,female,1`               | line 1: missing column 'max'
            column twice        | `feature,value,min,max,min\\ngender,female,1,2,1`     | line 1, column 5 (min): column appears twice
            no rows             | `category,feature,min,max\\n`                         | line 1: no category rows
            fields missing      | `category,feature,min,max\\ngender,female,1`          | line 2: expected 4 fields like the header, found 3
            not a number        | `category,feature,min,max\\ngender,female,one,2`      | line 2, column 3 (min): expected a whole number >= 0, found 'one'
            negative            | `category,feature,min,max\\n\\ngender,female,1,-2`    | line 3, column 4 (max): expected a whole number >= 0, found '-2'
            empty value         | `feature,value,min,max\\ngender,,1,2`                 | line 2, column 2 (value): must not be empty
            value twice         | `category,feature,min,max\\ng,f,1,2\\ng,f,0,1`        | line 3, column 2 (feature): value 'f' of category 'g' is listed twice
            open quote          | `category,feature,min,max\\n"gender,female,1,2`       | line 2: malformed CSV: Missing closing quote
            text after quote    | `category,feature,min,max\\n"gender"x,female,1,2`     | line 2: malformed CSV: Unexpected character ('x'
            """)
    // CHECKSTYLE:ON
    void badCategoryFilesSayWhere(String title, String csv, String message) {
        assertThatThrownBy(() -> CategoriesCsv.parse(csv.replace("\\n", "\n")))
                .as(title)
                .isInstanceOf(MalformedCsv.class)
                .hasMessageStartingWith(message);
    }

    @Test
    void peopleWithAnIdColumnAndExtraColumns() {
        List<Volunteer> pool = PeopleCsv.parse("""
                first_name,Person_ID,age,gender
                Ada,p-17,30+,female
                Bo,p-4,16-29,male
                """, GENDER_AGE);

        assertThat(pool).extracting(Volunteer::id).containsExactly("p-17", "p-4");
        assertThat(pool.get(1).valueOf("age")).isEqualTo("16-29");
        assertThat(pool.get(1).valueOf("gender")).isEqualTo("male");
    }

    @Test
    void theIdColumnIsChosenInOrderOfPreference() {
        List<Volunteer> pool = PeopleCsv.parse("""
                nationbuilder_id,gender,age,id
                1001,female,30+,a
                1002,male,30+,b
                """, GENDER_AGE);

        assertThat(pool).extracting(Volunteer::id).containsExactly("a", "b");
    }

    @Test
    void withoutAnIdColumnTheRowNumberIsTheId() {
        List<Volunteer> pool = PeopleCsv.parse("gender,age\nfemale,30+\n\nmale,16-29\n", GENDER_AGE);

        assertThat(pool).extracting(Volunteer::id).containsExactly("1", "2");
    }

    @Test
    void aHouseholdColumnGivesAPseudonymousKeyEqualForTheSameAddressWrittenDifferently() {
        List<Volunteer> pool = PeopleCsv.parse("""
                id,gender,age,Household
                a,female,30+,12 Rue Haute
                b,male,30+,  12  rue HAUTE
                c,male,16-29,3 Place Basse
                d,female,16-29,
                """, GENDER_AGE);

        assertThat(pool.get(0).household())
                .isEqualTo(pool.get(1).household())
                .hasSize(64)
                .doesNotContainIgnoringCase("rue");
        assertThat(pool.get(2).household()).isNotNull().isNotEqualTo(pool.get(0).household());
        assertThat(pool.get(3).household()).isNull();
    }

    @Test
    void aCategoryNamedHouseholdIsACategoryNotAKey() {
        List<Category> categories = List.of(
                new Category("household", List.of(new ValueQuota("single", 0, 2), new ValueQuota("family", 0, 2))));

        List<Volunteer> pool = PeopleCsv.parse("id,household\na,single\nb,single\n", categories);

        assertThat(pool).extracting(Volunteer::household).containsOnlyNulls();
        assertThat(pool.get(0).valueOf("household")).isEqualTo("single");
    }

    @Test
    void withoutAHouseholdColumnNobodyHasAHousehold() {
        List<Volunteer> pool = PeopleCsv.parse("gender,age\nfemale,30+\nmale,16-29\n", GENDER_AGE);

        assertThat(pool).extracting(Volunteer::household).containsOnlyNulls();
    }

    // CHECKSTYLE:OFF a table of cases reads best one case a line
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            empty file       | ``                                              | line 1: the people file is empty
            missing category | `id,gender\\n1,female`                         | line 1: missing column 'age'
            column twice     | `id,gender,age,gender\\n1,female,30+,female`   | line 1, column 4 (gender): column appears twice
            unknown value    | `id,gender,age\\n1,female,30+\\n2,femme,30+`   | line 3, column 2 (gender): 'femme' is not a value of category 'gender' (expected one of: female, male)
            fields missing   | `id,gender,age\\n1,female`                      | line 2: expected 3 fields like the header, found 2
            empty id         | `id,gender,age\\n,female,30+`                   | line 2, column 1 (id): the id is empty
            id twice         | `gender,age,ID\\nfemale,30+,x\\nmale,30+,x`     | line 3, column 3 (ID): id 'x' appears twice
            """)
    // CHECKSTYLE:ON
    void badPeopleFilesSayWhere(String title, String csv, String message) {
        assertThatThrownBy(() -> PeopleCsv.parse(csv.replace("\\n", "\n"), GENDER_AGE))
                .as(title)
                .isInstanceOf(MalformedCsv.class)
                .hasMessageStartingWith(message);
    }

    @Test
    void thePublishedFilesRead() {
        Lotteries.Instance small = Lotteries.published("example_small_20", 20);

        assertThat(small.quotas().categories()).extracting(Category::name).containsExactly("gender", "leaning");
        assertThat(small.pool()).hasSize(200);
        assertThat(small.pool().get(0).values()).isEqualTo(Map.of("gender", "female", "leaning", "conservative"));
        assertThat(small.pool().get(199).id()).isEqualTo("200");
    }
}
