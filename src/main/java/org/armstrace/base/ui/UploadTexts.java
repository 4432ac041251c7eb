package org.armstrace.base.ui;

import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;

/**
 * The upload component's own words (its button, drop hint and the refusals it makes in the
 * browser, such as a file over the size limit) in the user's language; Vaadin ships them in
 * English only.
 */
public final class UploadTexts {

    private UploadTexts() {
    }

    public static Upload translated(Upload upload) {
        return translated(upload, upload.getTranslation("upload.too-big"));
    }

    /** With a refusal of a too large file that names the limit. */
    public static Upload translated(Upload upload, String tooBig) {
        var i18n = new UploadI18N();
        i18n.setAddFiles(new UploadI18N.AddFiles().setOne(upload.getTranslation("upload.add-file"))
                .setMany(upload.getTranslation("upload.add-files")));
        i18n.setDropFiles(new UploadI18N.DropFiles().setOne(upload.getTranslation("upload.drop-file"))
                .setMany(upload.getTranslation("upload.drop-files")));
        i18n.setError(new UploadI18N.Error().setFileIsTooBig(tooBig)
                .setIncorrectFileType(upload.getTranslation("upload.wrong-type"))
                .setTooManyFiles(upload.getTranslation("upload.too-many")));
        upload.setI18n(i18n);
        return upload;
    }
}
