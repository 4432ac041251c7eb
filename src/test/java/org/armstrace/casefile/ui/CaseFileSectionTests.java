package org.armstrace.casefile.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import java.util.UUID;
import org.armstrace.Actors;
import org.armstrace.ViewTest;
import org.armstrace.casefile.CaseFiles;
import org.armstrace.cases.Case;
import org.armstrace.cases.CaseKind;
import org.armstrace.cases.Cases;
import org.armstrace.cases.ui.CaseView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class CaseFileSectionTests extends ViewTest {

    @Autowired
    Cases cases;
    @Autowired
    CaseFiles caseFiles;

    final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void an_analyst_produces_the_case_file_from_the_case_page_and_finds_both_files_to_download() {
        Case c = Actors.analyst(() -> cases.open(new Cases.NewCase("Case file page " + run, CaseKind.SEIZURE, null, false,
                null)));
        Actors.analyst(() -> {
            navigate(CaseView.path(c.number()), CaseView.class);
            Div produced = $(Div.class).withId("case-files-produced").single();
            assertThat(produced.getElement().getTextRecursively()).isEqualTo("No case file has been produced yet.");
            test($(Button.class).withId("case-file-produce").single()).click();
            assertThat(produced.getElement().getTextRecursively()).contains("Case file (DOCX)", "Package (ZIP)", "analyst1",
                    "DOCX SHA-256 " + caseFiles.productions(c.number()).getFirst().docxSha256());
            assertThat($(Anchor.class).withId("case-file-zip").single().getElement().getAttribute("download"))
                    .isEqualTo(c.number() + "-case-file.zip");
            return null;
        });
        assertThat(Actors.analyst(() -> caseFiles.productions(c.number()))).hasSize(1);
    }

    @Test
    void an_administrator_sees_the_case_page_without_the_case_file_action() {
        Case c = Actors.admin(() -> cases.open(new Cases.NewCase("Admin page " + run, CaseKind.OTHER, null, false, null)));
        Actors.admin(() -> {
            navigate(CaseView.path(c.number()), CaseView.class);
            assertThat($(Button.class).withId("case-file-produce").all()).isEmpty();
            assertThat($(Div.class).withId("case-links").all()).as("the rest of the page is there").hasSize(1);
            return null;
        });
    }
}
