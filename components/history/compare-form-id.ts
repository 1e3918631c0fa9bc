/** The id of History's compare form: the row checkboxes sit in the table and join it with form=. */
export const COMPARE_FORM_ID = 'compare-form';
