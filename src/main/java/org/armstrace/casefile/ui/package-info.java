/** The case file's part of a case's page: the action that produces it and the files produced. */
package org.armstrace.casefile.ui;
