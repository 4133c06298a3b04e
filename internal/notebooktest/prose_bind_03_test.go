package notebooktest_test

var bind03 = []binding{}
