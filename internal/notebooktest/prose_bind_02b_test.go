package notebooktest_test

var bind02b = []binding{}
