package org.armstrace.cases.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import org.armstrace.base.Dates;
import org.armstrace.cases.Case;
import org.armstrace.cases.CaseRejected;
import org.armstrace.cases.CaseWork;
import org.armstrace.cases.Cases;

/** A case's tasks (assignee, due date), deadlines and notes; {@code @username} in a note notifies that colleague. */
class CaseWorkPanel extends VerticalLayout {

    final Grid<CaseWork.Task> tasks = new Grid<>();
    final TextField taskTitle = new TextField();
    final TextField taskAssignee = new TextField();
    final DatePicker taskDue = new DatePicker();
    final Grid<CaseWork.Deadline> deadlines = new Grid<>();
    final TextField deadlineWhat = new TextField();
    final DatePicker deadlineDue = new DatePicker();
    final TextArea note = new TextArea();
    final Button addNote = new Button();
    final Div notes = new Div();
    private final Case c;
    private final CaseWork work;

    CaseWorkPanel(Case c, CaseWork work) {
        this.c = c;
        this.work = work;
        setPadding(false);
        tasks.setId("case-tasks");
        tasks.setAllRowsVisible(true);
        tasks.addColumn(CaseWork.Task::title).setHeader(getTranslation("cases.task")).setFlexGrow(3);
        tasks.addColumn(t -> t.assignee() == null ? "—" : t.assignee()).setHeader(getTranslation("cases.assignee"));
        tasks.addColumn(t -> Dates.date(t.due(), getLocale())).setHeader(getTranslation("cases.due"));
        tasks.addComponentColumn(t -> t.done() ? new Paragraph(getTranslation("cases.done-by", t.doneBy()))
                : new Button(getTranslation("cases.done"), e -> act(() -> work.completeTask(c.number(), t.id())))).setHeader("");
        taskTitle.setPlaceholder(getTranslation("cases.task"));
        taskTitle.setId("case-task-title");
        taskTitle.setMaxLength(Cases.MAX_TITLE);
        taskAssignee.setPlaceholder(getTranslation("cases.assignee"));
        taskAssignee.setId("case-task-assignee");
        taskDue.setPlaceholder(getTranslation("cases.due"));
        var addTask = new Button(getTranslation("cases.add-task"), e -> act(() -> work.addTask(c.number(), taskTitle.getValue(),
                taskAssignee.getValue(), taskDue.getValue())));
        addTask.setId("case-task-add");

        deadlines.setId("case-deadlines");
        deadlines.setAllRowsVisible(true);
        deadlines.addColumn(CaseWork.Deadline::what).setHeader(getTranslation("cases.deadline")).setFlexGrow(3);
        deadlines.addColumn(d -> Dates.date(d.due(), getLocale())).setHeader(getTranslation("cases.due"));
        deadlines.addComponentColumn(d -> d.metAt() != null ? new Paragraph(getTranslation("cases.met"))
                : new Button(getTranslation("cases.meet"), e -> act(() -> work.meetDeadline(c.number(), d.id())))).setHeader("");
        deadlineWhat.setPlaceholder(getTranslation("cases.deadline"));
        deadlineWhat.setId("case-deadline-what");
        var addDeadline = new Button(getTranslation("cases.add-deadline"), e -> act(() -> work.addDeadline(c.number(),
                deadlineWhat.getValue(), deadlineDue.getValue())));
        addDeadline.setId("case-deadline-add");

        note.setLabel(getTranslation("cases.note"));
        note.setHelperText(getTranslation("cases.note-help"));
        note.setId("case-note");
        note.setWidthFull();
        note.setMaxLength(CaseWork.MAX_NOTE);
        addNote.setText(getTranslation("cases.add-note"));
        addNote.setId("case-note-add");
        addNote.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        addNote.addClickListener(e -> act(() -> {
            work.addNote(c.number(), note.getValue());
            note.clear();
        }));
        notes.setId("case-notes");

        var taskRow = new HorizontalLayout(taskTitle, taskAssignee, taskDue, addTask);
        taskRow.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        var deadlineRow = new HorizontalLayout(deadlineWhat, deadlineDue, addDeadline);
        deadlineRow.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(new H3(getTranslation("cases.tasks")), tasks, taskRow, new H3(getTranslation("cases.deadlines")), deadlines,
                deadlineRow, new H3(getTranslation("cases.notes")), note, addNote, notes);
        show();
    }

    private void act(Runnable action) {
        try {
            action.run();
            show();
        } catch (CaseRejected rejected) {
            Notification.show(getTranslation(rejected.getMessage(), rejected.args())).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    private void show() {
        tasks.setItems(work.tasks(c.number()));
        deadlines.setItems(work.deadlines(c.number()));
        notes.removeAll();
        for (CaseWork.Note n : work.notes(c.number())) {
            var p = new Paragraph(n.text());
            p.getStyle().set("white-space", "pre-wrap");
            var who = new Paragraph(getTranslation("cases.note-by", n.by(), n.at()));
            who.addClassName("secondary");
            notes.add(new Div(who, p));
        }
    }
}
