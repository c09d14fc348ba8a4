export interface paths {
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * liveness and schema version (no database)
         * @description Public.
         */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * readiness: both database files answer and the last warning scan is fresh
         * @description Public.
         */
        get: operations["getReady"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Prometheus metrics (loopback peer, or the metrics token; else 404)
         * @description Public.
         */
        get: operations["getMetrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * this OpenAPI document
         * @description Permission: auth.
         */
        get: operations["getOpenApi"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/kinds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * every kind with its fields
         * @description Permission: read.
         */
        get: operations["listKinds"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dashboard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * the dashboard figures
         * @description Permission: read.
         */
        get: operations["getDashboard"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/import/enterprises": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * bulk import of a CSV/XLSX file
         * @description Permission: import. Kind: 企业
         */
        post: operations["importEnterprises"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/import/projects": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * bulk import of a CSV/XLSX file
         * @description Permission: import. Kind: 在建项目
         */
        post: operations["importProjects"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/import/workers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * bulk import of a CSV/XLSX file
         * @description Permission: import. Kind: 实名制人员
         */
        post: operations["importWorkers"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/import/employments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * bulk import of a CSV/XLSX file
         * @description Permission: import. Kind: 用工登记
         */
        post: operations["importEmployments"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/import/attendance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * bulk import of a CSV/XLSX file
         * @description Permission: import. Kind: 考勤
         */
        post: operations["importAttendance"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/import/payroll": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * bulk import of a CSV/XLSX file
         * @description Permission: import. Kind: 工资支付表
         */
        post: operations["importPayroll"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/import/accounts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * bulk import of a CSV/XLSX file
         * @description Permission: import. Kind: 农民工工资专用账户
         */
        post: operations["importAccounts"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/import/transactions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * bulk import of a CSV/XLSX file
         * @description Permission: import. Kind: 专用账户流水
         */
        post: operations["importTransactions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/import/deposits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * bulk import of a CSV/XLSX file
         * @description Permission: import. Kind: 工资保证金
         */
        post: operations["importDeposits"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/import/min_wages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * bulk import of a CSV/XLSX file
         * @description Permission: import. Kind: 最低工资标准
         */
        post: operations["importMinWages"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/import/auto": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * bulk import of a CSV/XLSX file
         * @description Permission: import.
         */
        post: operations["importAuto"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/export/warnings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * the warning list (its filters and sort) as XLSX/CSV
         * @description Permission: export.
         */
        get: operations["exportWarnings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/export/enterprises": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * the list (filters, q, sort) as CSV/XLSX: display form, or layout=exchange
         * @description Permission: export. Kind: 企业
         */
        get: operations["exportEnterprises"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/export/projects": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * the list (filters, q, sort) as CSV/XLSX: display form, or layout=exchange
         * @description Permission: export. Kind: 在建项目
         */
        get: operations["exportProjects"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/export/workers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * the list (filters, q, sort) as CSV/XLSX: display form, or layout=exchange
         * @description Permission: export. Kind: 实名制人员
         */
        get: operations["exportWorkers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/export/employments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * the list (filters, q, sort) as CSV/XLSX: display form, or layout=exchange
         * @description Permission: export. Kind: 用工登记
         */
        get: operations["exportEmployments"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/export/attendance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * the list (filters, q, sort) as CSV/XLSX: display form, or layout=exchange
         * @description Permission: export. Kind: 考勤
         */
        get: operations["exportAttendance"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/export/payroll": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * the list (filters, q, sort) as CSV/XLSX: display form, or layout=exchange
         * @description Permission: export. Kind: 工资支付表
         */
        get: operations["exportPayroll"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/export/accounts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * the list (filters, q, sort) as CSV/XLSX: display form, or layout=exchange
         * @description Permission: export. Kind: 农民工工资专用账户
         */
        get: operations["exportAccounts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/export/transactions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * the list (filters, q, sort) as CSV/XLSX: display form, or layout=exchange
         * @description Permission: export. Kind: 专用账户流水
         */
        get: operations["exportTransactions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/export/deposits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * the list (filters, q, sort) as CSV/XLSX: display form, or layout=exchange
         * @description Permission: export. Kind: 工资保证金
         */
        get: operations["exportDeposits"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/export/min_wages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * the list (filters, q, sort) as CSV/XLSX: display form, or layout=exchange
         * @description Permission: export. Kind: 最低工资标准
         */
        get: operations["exportMinWages"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/template/enterprises": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * the import template of a kind (XLSX with 填写说明, or CSV)
         * @description Permission: read. Kind: 企业
         */
        get: operations["templateEnterprises"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/template/projects": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * the import template of a kind (XLSX with 填写说明, or CSV)
         * @description Permission: read. Kind: 在建项目
         */
        get: operations["templateProjects"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/template/workers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * the import template of a kind (XLSX with 填写说明, or CSV)
         * @description Permission: read. Kind: 实名制人员
         */
        get: operations["templateWorkers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/template/employments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * the import template of a kind (XLSX with 填写说明, or CSV)
         * @description Permission: read. Kind: 用工登记
         */
        get: operations["templateEmployments"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/template/attendance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * the import template of a kind (XLSX with 填写说明, or CSV)
         * @description Permission: read. Kind: 考勤
         */
        get: operations["templateAttendance"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/template/payroll": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * the import template of a kind (XLSX with 填写说明, or CSV)
         * @description Permission: read. Kind: 工资支付表
         */
        get: operations["templatePayroll"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/template/accounts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * the import template of a kind (XLSX with 填写说明, or CSV)
         * @description Permission: read. Kind: 农民工工资专用账户
         */
        get: operations["templateAccounts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/template/transactions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * the import template of a kind (XLSX with 填写说明, or CSV)
         * @description Permission: read. Kind: 专用账户流水
         */
        get: operations["templateTransactions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/template/deposits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * the import template of a kind (XLSX with 填写说明, or CSV)
         * @description Permission: read. Kind: 工资保证金
         */
        get: operations["templateDeposits"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/template/min_wages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * the import template of a kind (XLSX with 填写说明, or CSV)
         * @description Permission: read. Kind: 最低工资标准
         */
        get: operations["templateMinWages"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/enterprises": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * list records
         * @description Permission: read. Kind: 企业
         */
        get: operations["listEnterprises"];
        put?: never;
        /**
         * create or update a record by its key
         * @description Permission: write. Kind: 企业
         */
        post: operations["createEnterprises"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * list records
         * @description Permission: read. Kind: 在建项目
         */
        get: operations["listProjects"];
        put?: never;
        /**
         * create or update a record by its key
         * @description Permission: write. Kind: 在建项目
         */
        post: operations["createProjects"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * list records
         * @description Permission: read. Kind: 实名制人员
         */
        get: operations["listWorkers"];
        put?: never;
        /**
         * create or update a record by its key
         * @description Permission: write. Kind: 实名制人员
         */
        post: operations["createWorkers"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/employments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * list records
         * @description Permission: read. Kind: 用工登记
         */
        get: operations["listEmployments"];
        put?: never;
        /**
         * create or update a record by its key
         * @description Permission: write. Kind: 用工登记
         */
        post: operations["createEmployments"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/attendance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * list records
         * @description Permission: read. Kind: 考勤
         */
        get: operations["listAttendance"];
        put?: never;
        /**
         * create or update a record by its key
         * @description Permission: write. Kind: 考勤
         */
        post: operations["createAttendance"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payroll": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * list records
         * @description Permission: read. Kind: 工资支付表
         */
        get: operations["listPayroll"];
        put?: never;
        /**
         * create or update a record by its key
         * @description Permission: write. Kind: 工资支付表
         */
        post: operations["createPayroll"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/accounts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * list records
         * @description Permission: read. Kind: 农民工工资专用账户
         */
        get: operations["listAccounts"];
        put?: never;
        /**
         * create or update a record by its key
         * @description Permission: write. Kind: 农民工工资专用账户
         */
        post: operations["createAccounts"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/transactions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * list records
         * @description Permission: read. Kind: 专用账户流水
         */
        get: operations["listTransactions"];
        put?: never;
        /**
         * create or update a record by its key
         * @description Permission: write. Kind: 专用账户流水
         */
        post: operations["createTransactions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/deposits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * list records
         * @description Permission: read. Kind: 工资保证金
         */
        get: operations["listDeposits"];
        put?: never;
        /**
         * create or update a record by its key
         * @description Permission: write. Kind: 工资保证金
         */
        post: operations["createDeposits"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/min_wages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * list records
         * @description Permission: read. Kind: 最低工资标准
         */
        get: operations["listMinWages"];
        put?: never;
        /**
         * create or update a record by its key
         * @description Permission: write. Kind: 最低工资标准
         */
        post: operations["createMinWages"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/enterprises/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * one record with related data
         * @description Permission: read. Kind: 企业
         */
        get: operations["getEnterprisesById"];
        /**
         * update one record
         * @description Permission: write. Kind: 企业
         */
        put: operations["updateEnterprisesById"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * one record with related data
         * @description Permission: read. Kind: 在建项目
         */
        get: operations["getProjectsById"];
        /**
         * update one record
         * @description Permission: write. Kind: 在建项目
         */
        put: operations["updateProjectsById"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * one record with related data
         * @description Permission: read. Kind: 实名制人员
         */
        get: operations["getWorkersById"];
        /**
         * update one record
         * @description Permission: write. Kind: 实名制人员
         */
        put: operations["updateWorkersById"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/employments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * one record with related data
         * @description Permission: read. Kind: 用工登记
         */
        get: operations["getEmploymentsById"];
        /**
         * update one record
         * @description Permission: write. Kind: 用工登记
         */
        put: operations["updateEmploymentsById"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/attendance/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * one record with related data
         * @description Permission: read. Kind: 考勤
         */
        get: operations["getAttendanceById"];
        /**
         * update one record
         * @description Permission: write. Kind: 考勤
         */
        put: operations["updateAttendanceById"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payroll/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * one record with related data
         * @description Permission: read. Kind: 工资支付表
         */
        get: operations["getPayrollById"];
        /**
         * update one record
         * @description Permission: write. Kind: 工资支付表
         */
        put: operations["updatePayrollById"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/accounts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * one record with related data
         * @description Permission: read. Kind: 农民工工资专用账户
         */
        get: operations["getAccountsById"];
        /**
         * update one record
         * @description Permission: write. Kind: 农民工工资专用账户
         */
        put: operations["updateAccountsById"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/transactions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * one record with related data
         * @description Permission: read. Kind: 专用账户流水
         */
        get: operations["getTransactionsById"];
        /**
         * update one record
         * @description Permission: write. Kind: 专用账户流水
         */
        put: operations["updateTransactionsById"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/deposits/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * one record with related data
         * @description Permission: read. Kind: 工资保证金
         */
        get: operations["getDepositsById"];
        /**
         * update one record
         * @description Permission: write. Kind: 工资保证金
         */
        put: operations["updateDepositsById"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/min_wages/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * one record with related data
         * @description Permission: read. Kind: 最低工资标准
         */
        get: operations["getMinWagesById"];
        /**
         * update one record
         * @description Permission: write. Kind: 最低工资标准
         */
        put: operations["updateMinWagesById"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{id}/reveal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * one personal value in full (audited)
         * @description Permission: reveal. Kind: 在建项目
         */
        post: operations["revealProjectsField"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workers/{id}/reveal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * one personal value in full (audited)
         * @description Permission: reveal. Kind: 实名制人员
         */
        post: operations["revealWorkersField"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/employments/{id}/reveal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * one personal value in full (audited)
         * @description Permission: reveal. Kind: 用工登记
         */
        post: operations["revealEmploymentsField"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/attendance/{id}/reveal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * one personal value in full (audited)
         * @description Permission: reveal. Kind: 考勤
         */
        post: operations["revealAttendanceField"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payroll/{id}/reveal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * one personal value in full (audited)
         * @description Permission: reveal. Kind: 工资支付表
         */
        post: operations["revealPayrollField"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/transactions/{id}/reveal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * one personal value in full (audited)
         * @description Permission: reveal. Kind: 专用账户流水
         */
        post: operations["revealTransactionsField"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * log in: sets the session cookie, returns the CSRF token
         * @description Public.
         */
        post: operations["login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * log out: ends the session
         * @description Permission: session.
         */
        post: operations["logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * change one's own password
         * @description Permission: session.
         */
        post: operations["changePassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * the caller, its CSRF token and permissions
         * @description Permission: auth.
         */
        get: operations["getMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * list user accounts
         * @description Permission: users.
         */
        get: operations["listUsers"];
        put?: never;
        /**
         * add a user (password shown once)
         * @description Permission: users.
         */
        post: operations["addUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{username}/disable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * disable an account (ends its sessions)
         * @description Permission: users.
         */
        post: operations["disableUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{username}/enable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * enable an account
         * @description Permission: users.
         */
        post: operations["enableUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{username}/reset-password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * new password, shown once, to change at log-in
         * @description Permission: users.
         */
        post: operations["resetUserPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{username}/unlock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * clear a lock-out
         * @description Permission: users.
         */
        post: operations["unlockUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * list machine tokens
         * @description Permission: users.
         */
        get: operations["listTokens"];
        put?: never;
        /**
         * create a machine token (value shown once)
         * @description Permission: users.
         */
        post: operations["createToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tokens/{id}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * revoke a machine token
         * @description Permission: users.
         */
        post: operations["revokeToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * browse the audit log
         * @description Permission: audit.
         */
        get: operations["listAudit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * verify the audit log's hash chain
         * @description Permission: audit.
         */
        get: operations["verifyAudit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/warnings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * list warnings (filters, sort, paging; in scope)
         * @description Permission: read.
         */
        get: operations["listWarnings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/warnings/rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * the rule catalogue: codes, names, levels, legal basis, actions
         * @description Permission: read.
         */
        get: operations["listWarningRules"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/warnings/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * open warnings by level, rule and street; raised/eliminated trend
         * @description Permission: read.
         */
        get: operations["getWarningStats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/warnings/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * one warning: evidence, legal basis, history, allowed actions
         * @description Permission: read.
         */
        get: operations["getWarning"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/warnings/{id}/eliminate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * eliminate a warning with a reason (audited)
         * @description Permission: warnings.
         */
        post: operations["eliminateWarning"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/warnings/{id}/assign": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * assign a warning to an inspector or street officer (audited)
         * @description Permission: warnings.
         */
        post: operations["assignWarning"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/warnings/{id}/escalate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * escalate a warning to an inspection case (audited)
         * @description Permission: warnings.
         */
        post: operations["escalateWarning"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/warnings/{id}/supervise": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 督办: urge the handling of a warning {note} (leader; audited)
         * @description Permission: supervise.
         */
        post: operations["superviseWarning"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/warnings/{id}/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 复核: confirm another person's elimination of a red warning (audited)
         * @description Permission: warnings.
         */
        post: operations["confirmWarningElimination"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/warnings/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 复核: reject another person's elimination of a red warning (audited)
         * @description Permission: warnings.
         */
        post: operations["rejectWarningElimination"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/warnings/batch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * eliminate or assign many warnings (each audited)
         * @description Permission: warnings.
         */
        post: operations["batchWarnings"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/warnings/by-project": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * warnings grouped by project (the list's filters)
         * @description Permission: read.
         */
        get: operations["listWarningsByProject"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/warnings/{id}/files": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * attach an evidence file (PDF, JPEG, PNG; audited)
         * @description Permission: warnings.
         */
        post: operations["attachWarningFile"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/warnings/{id}/files/{fid}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * download an evidence file of a warning in scope
         * @description Permission: read.
         */
        get: operations["getWarningFile"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/scan": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * run a warning scan now (as_of, full)
         * @description Permission: scan.
         */
        post: operations["runScan"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/params": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * the warning parameters
         * @description Permission: read.
         */
        get: operations["listParams"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/params/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * change a warning parameter (audited; next scan full)
         * @description Permission: params.
         */
        put: operations["setParam"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description every error answer: a status and {"error":{status, code, message}} */
        Error: {
            error: components["schemas"]["ErrorBody"];
        };
        /** @description code: bad_request, personal_field (400); unauthenticated, login_failed (401); forbidden, csrf, password_change_required, disabled (403); not_found (404); method_not_allowed (405); conflict (409); too_large (413); unsupported_media_type (415); invalid, out_of_range (422); locked (423); too_many_requests (429, Retry-After); internal (500); unavailable (503). message: for people (Chinese first, English in brackets); never internals */
        ErrorBody: {
            status: number;
            code: string;
            message: string;
        };
        /** @description one bad row / cell (row 0: the file as a whole) */
        ImportError: {
            file: string;
            row: number;
            column: string;
            header: string;
            field: string;
            value: string;
            reason: string;
        };
        /** @description an import's result: counts when committed (ok), else every bad row */
        ImportReport: {
            ok: boolean;
            kind: string | null;
            file: string;
            encoding: string | null;
            rows: number;
            inserted: number;
            updated: number;
            unchanged: number;
            error_count: number;
            truncated: boolean;
            errors: components["schemas"]["ImportError"][];
        };
        /** @description 422 of a write or an import: the import report plus the error object */
        InvalidReport: {
            error: components["schemas"]["ErrorBody"];
            ok: boolean;
            kind: string | null;
            file: string;
            encoding: string | null;
            rows: number;
            inserted: number;
            updated: number;
            unchanged: number;
            error_count: number;
            truncated: boolean;
            errors: components["schemas"]["ImportError"][];
        };
        Health: {
            ok: boolean;
            schema: number;
        };
        /** @description readiness: 200 when every check passes; 503 with the same body naming the failed check (checks.database, checks.scan: ok, error) */
        Ready: {
            ready: boolean;
            checks: Record<string, never>;
        };
        /** @description a person as the session shows it */
        User: {
            username: string;
            name: string;
            role: string;
            role_zh: string;
            street: string | null;
            uscc: string | null;
        };
        /** @description the answer of a log-in or a password change */
        Session: {
            user: components["schemas"]["User"];
            csrf: string;
            must_change: boolean;
        };
        /** @description a machine token (never its value) */
        Token: {
            id: number;
            name: string;
            prefix: string;
            role: string;
            bank_code: string | null;
            uscc: string | null;
            kinds: string;
            created_by: string;
            revoked: boolean;
            created_at?: number;
            last_used?: number;
        };
        /** @description the caller: a person (user, csrf) or a token */
        Me: {
            user: components["schemas"]["User"] | null;
            token: components["schemas"]["Token"] | null;
            csrf: string | null;
            must_change: boolean;
            sees_personal: boolean;
            permissions: string[];
            writable: string[];
        };
        LoginRequest: {
            username: string;
            password: string;
        };
        PasswordRequest: {
            old: string;
            new: string;
        };
        Ok: {
            ok: boolean;
        };
        EnumValue: {
            code: string;
            label: string;
        };
        KindField: {
            key: string;
            zh: string;
            type: string;
            required: boolean;
            key_part: boolean;
            personal: boolean;
            derived: boolean;
            search: boolean;
            ref: string | null;
            values: components["schemas"]["EnumValue"][] | null;
        };
        /** @description a kind of the exchange standard and its fields */
        Kind: {
            name: string;
            zh: string;
            order_by: string;
            fields: components["schemas"]["KindField"][];
        };
        /** @description one page of the list */
        enterprisesPage: {
            kind: string;
            total: number;
            page: number;
            per_page: number;
            items: components["schemas"]["enterprises"][];
        };
        /** @description one page of the list */
        projectsPage: {
            kind: string;
            total: number;
            page: number;
            per_page: number;
            items: components["schemas"]["projects"][];
        };
        /** @description one page of the list */
        workersPage: {
            kind: string;
            total: number;
            page: number;
            per_page: number;
            items: components["schemas"]["workers"][];
        };
        /** @description one page of the list */
        employmentsPage: {
            kind: string;
            total: number;
            page: number;
            per_page: number;
            items: components["schemas"]["employments"][];
        };
        /** @description one page of the list */
        attendancePage: {
            kind: string;
            total: number;
            page: number;
            per_page: number;
            items: components["schemas"]["attendance"][];
        };
        /** @description one page of the list */
        payrollPage: {
            kind: string;
            total: number;
            page: number;
            per_page: number;
            items: components["schemas"]["payroll"][];
        };
        /** @description one page of the list */
        accountsPage: {
            kind: string;
            total: number;
            page: number;
            per_page: number;
            items: components["schemas"]["accounts"][];
        };
        /** @description one page of the list */
        transactionsPage: {
            kind: string;
            total: number;
            page: number;
            per_page: number;
            items: components["schemas"]["transactions"][];
        };
        /** @description one page of the list */
        depositsPage: {
            kind: string;
            total: number;
            page: number;
            per_page: number;
            items: components["schemas"]["deposits"][];
        };
        /** @description one page of the list */
        min_wagesPage: {
            kind: string;
            total: number;
            page: number;
            per_page: number;
            items: components["schemas"]["min_wages"][];
        };
        /** @description one record and its related data (docs/api.md: related records) */
        enterprisesDetail: {
            item: components["schemas"]["enterprises"];
            related: Record<string, never>;
        };
        /** @description one record and its related data (docs/api.md: related records) */
        projectsDetail: {
            item: components["schemas"]["projects"];
            related: Record<string, never>;
        };
        /** @description one record and its related data (docs/api.md: related records) */
        workersDetail: {
            item: components["schemas"]["workers"];
            related: Record<string, never>;
        };
        /** @description one record and its related data (docs/api.md: related records) */
        employmentsDetail: {
            item: components["schemas"]["employments"];
            related: Record<string, never>;
        };
        /** @description one record and its related data (docs/api.md: related records) */
        attendanceDetail: {
            item: components["schemas"]["attendance"];
            related: Record<string, never>;
        };
        /** @description one record and its related data (docs/api.md: related records) */
        payrollDetail: {
            item: components["schemas"]["payroll"];
            related: Record<string, never>;
        };
        /** @description one record and its related data (docs/api.md: related records) */
        accountsDetail: {
            item: components["schemas"]["accounts"];
            related: Record<string, never>;
        };
        /** @description one record and its related data (docs/api.md: related records) */
        transactionsDetail: {
            item: components["schemas"]["transactions"];
            related: Record<string, never>;
        };
        /** @description one record and its related data (docs/api.md: related records) */
        depositsDetail: {
            item: components["schemas"]["deposits"];
            related: Record<string, never>;
        };
        /** @description one record and its related data (docs/api.md: related records) */
        min_wagesDetail: {
            item: components["schemas"]["min_wages"];
            related: Record<string, never>;
        };
        /** @description a record written by key or id */
        enterprisesWritten: {
            item: components["schemas"]["enterprises"];
            result: string;
        };
        /** @description a record written by key or id */
        projectsWritten: {
            item: components["schemas"]["projects"];
            result: string;
        };
        /** @description a record written by key or id */
        workersWritten: {
            item: components["schemas"]["workers"];
            result: string;
        };
        /** @description a record written by key or id */
        employmentsWritten: {
            item: components["schemas"]["employments"];
            result: string;
        };
        /** @description a record written by key or id */
        attendanceWritten: {
            item: components["schemas"]["attendance"];
            result: string;
        };
        /** @description a record written by key or id */
        payrollWritten: {
            item: components["schemas"]["payroll"];
            result: string;
        };
        /** @description a record written by key or id */
        accountsWritten: {
            item: components["schemas"]["accounts"];
            result: string;
        };
        /** @description a record written by key or id */
        transactionsWritten: {
            item: components["schemas"]["transactions"];
            result: string;
        };
        /** @description a record written by key or id */
        depositsWritten: {
            item: components["schemas"]["deposits"];
            result: string;
        };
        /** @description a record written by key or id */
        min_wagesWritten: {
            item: components["schemas"]["min_wages"];
            result: string;
        };
        /** @description the personal field to show in full */
        RevealRequest: {
            field: string;
        };
        Revealed: {
            kind: string;
            id: number;
            field: string;
            value: string | null;
        };
        WarningCounts: {
            red: number;
            orange: number;
            yellow: number;
            total: number;
        };
        DashboardWarnings: {
            open: components["schemas"]["WarningCounts"];
        };
        /** @description the 驾驶舱 figures (docs/api.md: dashboard) */
        Dashboard: {
            /** Format: date */
            as_of: string;
            month: string;
            projects: Record<string, never>;
            workers: Record<string, never>;
            wages: Record<string, never>;
            accounts: Record<string, never>;
            deposits: Record<string, never>;
            warnings: components["schemas"]["DashboardWarnings"];
        };
        /** @description an account as administration shows it */
        UserAccount: {
            username: string;
            name: string;
            role: string;
            role_zh: string;
            street: string | null;
            uscc: string | null;
            disabled: boolean;
            must_change: boolean;
            locked: boolean;
            last_login: number;
        };
        UserList: {
            items: components["schemas"]["UserAccount"][];
        };
        /** @description password: optional (else one is generated and shown once) */
        UserAdd: {
            username: string;
            name?: string;
            role: string;
            street?: string;
            uscc?: string;
            password?: string;
        };
        /** @description password: a generated one, shown once (add, reset-password), else null */
        UserAnswer: {
            user: components["schemas"]["UserAccount"];
            password: string | null;
        };
        TokenList: {
            items: components["schemas"]["Token"][];
        };
        /** @description bank_code for a bank token, uscc for an enterprise token */
        TokenCreate: {
            name: string;
            bank_code?: string;
            uscc?: string;
            kinds: string[];
        };
        /** @description value: the token, shown once */
        TokenCreated: {
            token: components["schemas"]["Token"];
            value: string;
        };
        TokenAnswer: {
            token: components["schemas"]["Token"];
        };
        AuditRow: {
            seq: number;
            time: string;
            actor: string;
            role: string | null;
            address: string | null;
            action: string;
            object_kind: string | null;
            object_key: string | null;
            before: string | null;
            after: string | null;
            hash: string;
        };
        /** @description newest first; more: a next page exists */
        AuditPage: {
            page: number;
            per_page: number;
            items: components["schemas"]["AuditRow"][];
            more: boolean;
        };
        AuditVerify: {
            ok: boolean;
            rows: number;
            bad_seq: number;
            reason: string | null;
            head: string | null;
            guards: boolean;
        };
        /** @description a warning as the list shows it */
        Warning: {
            id: number;
            rule: string;
            rule_name: string;
            level: string;
            level_zh: string;
            status: string;
            status_zh: string;
            project_code: string;
            project_name: string | null;
            project_id: number;
            street: string | null;
            enterprise_uscc: string | null;
            enterprise_name: string | null;
            period: string | null;
            summary: string;
            items: number;
            /** Format: date */
            raised_on: string;
            /** Format: date */
            updated_on: string;
            eliminated_on: string | null;
            eliminated_how: string | null;
            eliminated_reason: string | null;
            assignee: string | null;
            escalated_on: string | null;
        };
        WarningPage: {
            total: number;
            page: number;
            per_page: number;
            items: components["schemas"]["Warning"][];
        };
        WarningEvent: {
            event: string;
            event_zh: string;
            /** Format: date */
            on_date: string;
            at: string;
            actor: string;
            level: string | null;
            reason: string | null;
        };
        Assignee: {
            username: string;
            name: string;
            role: string;
            role_zh: string;
            street: string | null;
        };
        /** @description a warning with evidence, legal basis, history and the caller's actions */
        WarningDetail: {
            id: number;
            rule: string;
            rule_name: string;
            level: string;
            level_zh: string;
            status: string;
            status_zh: string;
            project_code: string;
            project_name: string | null;
            project_id: number;
            street: string | null;
            period: string | null;
            summary: string;
            items: number;
            /** Format: date */
            raised_on: string;
            /** Format: date */
            updated_on: string;
            eliminated_on: string | null;
            assignee: string | null;
            legal_basis: string | null;
            legal_text: string | null;
            suggested_action: string | null;
            responsible: string | null;
            /** @description any JSON value */
            evidence: unknown;
            history: components["schemas"]["WarningEvent"][];
            actions: string[];
            assignees: components["schemas"]["Assignee"][];
        };
        ReasonRequest: {
            reason: string;
        };
        /** @description to: the user name of an inspector or of a street officer of the street */
        AssignRequest: {
            to: string;
        };
        NoteRequest: {
            note?: string;
        };
        Rule: {
            code: string;
            name: string;
            per_month: boolean;
            level: string;
            basis: string;
            basis_text: string;
            action: string;
            responsible: string;
        };
        /** @description one group of open warnings (by level, rule or street) */
        CountBy: {
            n: number;
        };
        TrendPoint: {
            key: string;
            raised: number;
            eliminated: number;
            eliminated_manual: number;
        };
        Trend: {
            unit: string;
            from: string;
            to: string;
            points: components["schemas"]["TrendPoint"][];
        };
        WarningStats: {
            open: components["schemas"]["WarningCounts"];
            handling: number;
            last_scan: string | null;
            by_level: components["schemas"]["CountBy"][];
            by_rule: components["schemas"]["CountBy"][];
            by_street: components["schemas"]["CountBy"][];
            trend: components["schemas"]["Trend"];
        };
        ScanRequest: {
            /** Format: date */
            as_of?: string | null;
            full?: boolean | null;
        };
        /** @description the scan's summary (docs/api.md: POST /api/v1/scan) */
        ScanAnswer: {
            scan: Record<string, never>;
        };
        Param: {
            key: string;
            value: string;
            default: string;
            description: string;
            updated_by: string | null;
            updated_at: string | null;
        };
        ParamList: {
            items: components["schemas"]["Param"][];
        };
        /** @description value: a string, or a number taken as written */
        ParamValue: {
            /** @description any JSON value */
            value: unknown;
        };
        ParamAnswer: {
            item: components["schemas"]["Param"];
        };
        /** @description 企业 */
        enterprises: {
            readonly id: number;
            /** @description 统一社会信用代码 */
            uscc: string;
            /** @description 企业名称 */
            name: string;
            /**
             * @description 企业类型
             * @enum {string}
             */
            kind: "owner" | "contractor" | "subcontractor" | "dispatch" | "other";
            /** @description 行政区划代码 */
            region_code: string;
            /** @description 所属街镇/功能区 */
            street?: string | null;
            /** @description 法定代表人 */
            legal_rep?: string | null;
            /** @description 联系电话 */
            phone?: string | null;
            /** @description 是否建会 */
            union_established?: boolean | null;
            /** @description 职工人数 */
            employees?: number | null;
        };
        /** @description 在建项目 */
        projects: {
            readonly id: number;
            /** @description 项目编号 */
            code: string;
            /** @description 项目名称 */
            name: string;
            /** @description 行政区划代码 */
            region_code: string;
            /** @description 所属街镇/功能区 */
            street: string;
            /** @description 项目地址 */
            address?: string | null;
            /** @description 建设单位 */
            owner_uscc: string;
            /** @description 施工总承包单位 */
            contractor_uscc: string;
            /**
             * @description 合同金额(元)
             * @example 1234.50
             */
            contract_amount: string;
            /**
             * Format: date
             * @description 施工合同签订日期
             */
            contract_date: string;
            /**
             * Format: date
             * @description 开工日期
             */
            start_date: string;
            /**
             * Format: date
             * @description 计划竣工日期
             */
            planned_end_date?: string | null;
            /**
             * Format: date
             * @description 实际竣工日期
             */
            end_date?: string | null;
            /**
             * @description 项目状态
             * @enum {string}
             */
            status: "planned" | "active" | "suspended" | "completed";
            /** @description 人工费用拨付周期(天) */
            labor_cost_cycle_days?: number | null;
            /** @description 工资支付日 */
            wage_day?: number | null;
            /**
             * Format: date
             * @description 维权信息告示牌设立日期
             */
            board_installed_date?: string | null;
            /** @description 劳资专管员 */
            labor_officer?: string | null;
            /** @description 劳资专管员电话 */
            labor_officer_phone?: string | null;
        };
        /** @description 实名制人员 */
        workers: {
            readonly id: number;
            /** @description 公民身份号码 */
            id_number: string;
            /** @description 姓名 */
            name: string;
            /** @description 手机号 */
            phone?: string | null;
            /** @description 开户银行 */
            bank_name?: string | null;
            /** @description 工资卡号 */
            bank_card?: string | null;
            /**
             * Format: date
             * @description 出生日期
             */
            readonly birth_date?: string | null;
            /** @description 性别 */
            readonly sex?: string | null;
        };
        /** @description 用工登记 */
        employments: {
            readonly id: number;
            /** @description 项目编号 */
            project_code: string;
            /** @description 公民身份号码 */
            worker_id_number: string;
            /**
             * Format: date
             * @description 进场日期
             */
            entry_date: string;
            /** @description 用工单位 */
            employer_uscc: string;
            /**
             * Format: date
             * @description 退场日期
             */
            exit_date?: string | null;
            /** @description 班组 */
            team?: string | null;
            /** @description 工种 */
            trade?: string | null;
            /**
             * Format: date
             * @description 劳动合同签订日期
             */
            contract_signed_date?: string | null;
            /**
             * @description 计薪方式
             * @enum {string|null}
             */
            wage_basis?: "daily" | "monthly" | "piece" | null;
            /**
             * @description 工资标准(元)
             * @example 1234.50
             */
            wage_rate?: string | null;
        };
        /** @description 考勤 */
        attendance: {
            readonly id: number;
            /** @description 项目编号 */
            project_code: string;
            /** @description 公民身份号码 */
            worker_id_number: string;
            /**
             * Format: date
             * @description 考勤日期
             */
            date: string;
            /** @description 工时 */
            hours?: number | null;
        };
        /** @description 工资支付表 */
        payroll: {
            readonly id: number;
            /** @description 项目编号 */
            project_code: string;
            /** @description 公民身份号码 */
            worker_id_number: string;
            /** @description 工资所属期 */
            period: string;
            /** @description 用工单位 */
            employer_uscc: string;
            /** @description 出勤天数 */
            days_worked: number;
            /**
             * @description 应发工资(元)
             * @example 1234.50
             */
            amount_due: string;
            /**
             * @description 实发工资(元)
             * @example 1234.50
             */
            amount_paid: string;
            /**
             * Format: date
             * @description 发放日期
             */
            paid_date?: string | null;
            /**
             * @description 发放方式
             * @enum {string|null}
             */
            channel?: "bank" | "cash" | "other" | null;
            /** @description 本人确认 */
            worker_confirmed?: boolean | null;
        };
        /** @description 农民工工资专用账户 */
        accounts: {
            readonly id: number;
            /** @description 专用账户账号 */
            account_no: string;
            /** @description 项目编号 */
            project_code: string;
            /** @description 开户银行 */
            bank_name: string;
            /**
             * Format: date
             * @description 开户日期
             */
            opened_date: string;
            /**
             * Format: date
             * @description 销户日期
             */
            closed_date?: string | null;
        };
        /** @description 专用账户流水 */
        transactions: {
            readonly id: number;
            /** @description 专用账户账号 */
            account_no: string;
            /** @description 交易流水号 */
            txn_id: string;
            /**
             * Format: date
             * @description 交易日期
             */
            txn_date: string;
            /**
             * @description 交易类型
             * @enum {string}
             */
            kind: "labor_cost" | "wage" | "refund" | "other_in" | "other_out";
            /**
             * @description 金额(元)
             * @example 1234.50
             */
            amount: string;
            /** @description 收款人身份号码 */
            worker_id_number?: string | null;
            /** @description 工资所属期 */
            period?: string | null;
            /** @description 对方户名 */
            counterparty?: string | null;
            /** @description 摘要 */
            memo?: string | null;
        };
        /** @description 工资保证金 */
        deposits: {
            readonly id: number;
            /** @description 项目编号 */
            project_code: string;
            /** @description 保证金编号/保函编号 */
            deposit_no: string;
            /**
             * @description 存储形式
             * @enum {string}
             */
            form: "cash" | "guarantee" | "insurance";
            /**
             * @description 金额(元)
             * @example 1234.50
             */
            amount: string;
            /**
             * Format: date
             * @description 存储日期
             */
            deposit_date: string;
            /**
             * Format: date
             * @description 到期日期
             */
            expiry_date?: string | null;
            /**
             * Format: date
             * @description 退还日期
             */
            released_date?: string | null;
            /** @description 存储银行/出函机构 */
            issuer?: string | null;
        };
        /** @description 最低工资标准 */
        min_wages: {
            readonly id: number;
            /** @description 行政区划代码 */
            region_code: string;
            /**
             * Format: date
             * @description 执行日期
             */
            effective_from: string;
            /**
             * @description 月最低工资(元)
             * @example 1234.50
             */
            monthly: string;
            /**
             * @description 小时最低工资(元)
             * @example 1234.50
             */
            hourly?: string | null;
        };
    };
    responses: {
        /** @description a bad, unknown or repeated query parameter, or a malformed body */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description no session or token, or an expired one */
        Unauthenticated: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description code forbidden: the role may not; csrf: a cookie's write without X-CSRF-Token; password_change_required: change the password first */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description no such record, or outside the caller's scope */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description the object's state does not allow it (e.g. already eliminated) */
        Conflict: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description the body is too large (JSON 1 MiB, files 2 GiB) */
        TooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description send application/json */
        UnsupportedMediaType: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description the request is well formed but its values are not acceptable */
        Invalid: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description too many wrong passwords: locked for a while */
        Locked: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description too many requests: retry after Retry-After seconds */
        TooManyRequests: {
            headers: {
                /** @description seconds to wait */
                "Retry-After"?: number;
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description an internal error (logged; the message says nothing of internals) */
        Internal: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description busy or the database is unavailable: retry */
        Unavailable: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description nothing was written: every bad row (the import report with the error object) */
        InvalidRows: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["InvalidReport"];
            };
        };
    };
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
            400: components["responses"]["BadRequest"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Unavailable"];
        };
    };
    getReady: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ready"];
                };
            };
            400: components["responses"]["BadRequest"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Unavailable"];
        };
    };
    getMetrics: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Unavailable"];
        };
    };
    getOpenApi: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, never>;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Unavailable"];
        };
    };
    listKinds: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Kind"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Unavailable"];
        };
    };
    getDashboard: {
        parameters: {
            query?: {
                /** @description the day the figures are for (default: today, Asia/Shanghai) */
                as_of?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Dashboard"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["Invalid"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Unavailable"];
        };
    };
    importEnterprises: {
        parameters: {
            query?: {
                /** @description skip unknown columns instead of failing */
                ignore_unknown?: boolean;
                /** @description the file's name, for messages */
                filename?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description the file itself (not a form): CSV (UTF-8 or GB18030) or XLSX */
        requestBody: {
            content: {
                "text/csv": string;
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                "application/octet-stream": string;
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportReport"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["TooLarge"];
            422: components["responses"]["InvalidRows"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Unavailable"];
        };
    };
    importProjects: {
        parameters: {
            query?: {
                /** @description skip unknown columns instead of failing */
                ignore_unknown?: boolean;
                /** @description the file's name, for messages */
                filename?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description the file itself (not a form): CSV (UTF-8 or GB18030) or XLSX */
        requestBody: {
            content: {
                "text/csv": string;
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                "application/octet-stream": string;
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportReport"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["TooLarge"];
            422: components["responses"]["InvalidRows"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Unavailable"];
        };
    };
    importWorkers: {
        parameters: {
            query?: {
                /** @description skip unknown columns instead of failing */
                ignore_unknown?: boolean;
                /** @description the file's name, for messages */
                filename?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description the file itself (not a form): CSV (UTF-8 or GB18030) or XLSX */
        requestBody: {
            content: {
                "text/csv": string;
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                "application/octet-stream": string;
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportReport"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["TooLarge"];
            422: components["responses"]["InvalidRows"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Unavailable"];
        };
    };
    importEmployments: {
        parameters: {
            query?: {
                /** @description skip unknown columns instead of failing */
                ignore_unknown?: boolean;
                /** @description the file's name, for messages */
                filename?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description the file itself (not a form): CSV (UTF-8 or GB18030) or XLSX */
        requestBody: {
            content: {
                "text/csv": string;
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                "application/octet-stream": string;
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportReport"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["TooLarge"];
            422: components["responses"]["InvalidRows"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Unavailable"];
        };
    };
    importAttendance: {
        parameters: {
            query?: {
                /** @description skip unknown columns instead of failing */
                ignore_unknown?: boolean;
                /** @description the file's name, for messages */
                filename?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description the file itself (not a form): CSV (UTF-8 or GB18030) or XLSX */
        requestBody: {
            content: {
                "text/csv": string;
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                "application/octet-stream": string;
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportReport"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["TooLarge"];
            422: components["responses"]["InvalidRows"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Unavailable"];
        };
    };
    importPayroll: {
        parameters: {
            query?: {
                /** @description skip unknown columns instead of failing */
                ignore_unknown?: boolean;
                /** @description the file's name, for messages */
                filename?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description the file itself (not a form): CSV (UTF-8 or GB18030) or XLSX */
        requestBody: {
            content: {
                "text/csv": string;
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                "application/octet-stream": string;
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportReport"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["TooLarge"];
            422: components["responses"]["InvalidRows"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Unavailable"];
        };
    };
    importAccounts: {
        parameters: {
            query?: {
                /** @description skip unknown columns instead of failing */
                ignore_unknown?: boolean;
                /** @description the file's name, for messages */
                filename?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description the file itself (not a form): CSV (UTF-8 or GB18030) or XLSX */
        requestBody: {
            content: {
                "text/csv": string;
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                "application/octet-stream": string;
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportReport"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["TooLarge"];
            422: components["responses"]["InvalidRows"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Unavailable"];
        };
    };
    importTransactions: {
        parameters: {
            query?: {
                /** @description skip unknown columns instead of failing */
                ignore_unknown?: boolean;
                /** @description the file's name, for messages */
                filename?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description the file itself (not a form): CSV (UTF-8 or GB18030) or XLSX */
        requestBody: {
            content: {
                "text/csv": string;
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                "application/octet-stream": string;
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportReport"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["TooLarge"];
            422: components["responses"]["InvalidRows"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Unavailable"];
        };
    };
    importDeposits: {
        parameters: {
            query?: {
                /** @description skip unknown columns instead of failing */
                ignore_unknown?: boolean;
                /** @description the file's name, for messages */
                filename?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description the file itself (not a form): CSV (UTF-8 or GB18030) or XLSX */
        requestBody: {
            content: {
                "text/csv": string;
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                "application/octet-stream": string;
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportReport"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["TooLarge"];
            422: components["responses"]["InvalidRows"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Unavailable"];
        };
    };
    importMinWages: {
        parameters: {
            query?: {
                /** @description skip unknown columns instead of failing */
                ignore_unknown?: boolean;
                /** @description the file's name, for messages */
                filename?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description the file itself (not a form): CSV (UTF-8 or GB18030) or XLSX */
        requestBody: {
            content: {
                "text/csv": string;
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                "application/octet-stream": string;
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportReport"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["TooLarge"];
            422: components["responses"]["InvalidRows"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Unavailable"];
        };
    };
    importAuto: {
        parameters: {
            query?: {
                /** @description skip unknown columns instead of failing */
                ignore_unknown?: boolean;
                /** @description the file's name, for messages */
                filename?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description the file itself (not a form): CSV (UTF-8 or GB18030) or XLSX */
        requestBody: {
            content: {
                "text/csv": string;
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                "application/octet-stream": string;
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportReport"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["TooLarge"];
            422: components["responses"]["InvalidRows"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Unavailable"];
        };
    };
    exportWarnings: {
        parameters: {
            query?: {
                /** @description csv (default) or xlsx */
                format?: "csv" | "xlsx";
                /** @description open (default: 待处置 and 处置中), handling, eliminated or all */
                status?: "open" | "handling" | "eliminated" | "all";
                /** @description warning level */
                level?: "red" | "orange" | "yellow";
                /** @description a rule code (WAGE_UNPAID, ...) */
                rule?: string;
                /** @description a street (街镇) */
                street?: string;
                /** @description a project's code */
                project_code?: string;
                /** @description a month YYYY-MM */
                period?: string;
                /** @description the assignee's user name */
                assignee?: string;
                /** @description raised on or after */
                raised_from?: string;
                /** @description raised on or before */
                raised_to?: string;
                /** @description FIELD or -FIELD (descending) */
                sort?: string;
                /** @description 我的待办: assigned to the caller (and, by role, the street's unassigned ones or 复核 requests) */
                todo?: boolean;
                /** @description open on that day (raised by then, not eliminated by then) instead of status */
                open_on?: string;
                /** @description warnings an enterprise answers for or of projects it takes part in */
                enterprise_uscc?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Unavailable"];
        };
    };
    exportEnterprises: {
        parameters: {
            query?: {
                /** @description csv (default) or xlsx */
                format?: "csv" | "xlsx";
                /** @description Chinese (default) or English column headers */
                header?: "zh" | "en";
                /** @description personal fields in full (permission export_unmasked; audited) */
                unmasked?: boolean;
                /** @description display (default: Chinese labels, names beside codes) or exchange (the data-exchange standard, re-importable) */
                layout?: "display" | "exchange";
                /** @description FIELD or -FIELD (descending) */
                sort?: string;
                /** @description substring of the searchable fields, or a full key; a full ID number only for a role that sees personal data */
                q?: string;
                /** @description the day the figures are for (default: today, Asia/Shanghai) */
                as_of?: string;
                /** @description exact match */
                uscc?: string;
                /** @description exact match */
                name?: string;
                /** @description exact match */
                kind?: string;
                /** @description exact match */
                region_code?: string;
                /** @description exact match */
                street?: string;
                /** @description exact match */
                legal_rep?: string;
                /** @description exact match */
                phone?: string;
                /** @description exact match */
                union_established?: string;
                /** @description exact match */
                employees?: string;
                /** @description inclusive lower bound */
                employees_from?: string;
                /** @description inclusive upper bound */
                employees_to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Unavailable"];
        };
    };
    exportProjects: {
        parameters: {
            query?: {
                /** @description csv (default) or xlsx */
                format?: "csv" | "xlsx";
                /** @description Chinese (default) or English column headers */
                header?: "zh" | "en";
                /** @description personal fields in full (permission export_unmasked; audited) */
                unmasked?: boolean;
                /** @description display (default: Chinese labels, names beside codes) or exchange (the data-exchange standard, re-importable) */
                layout?: "display" | "exchange";
                /** @description FIELD or -FIELD (descending) */
                sort?: string;
                /** @description substring of the searchable fields, or a full key; a full ID number only for a role that sees personal data */
                q?: string;
                /** @description the day the figures are for (default: today, Asia/Shanghai) */
                as_of?: string;
                /** @description exact match */
                code?: string;
                /** @description exact match */
                name?: string;
                /** @description exact match */
                region_code?: string;
                /** @description exact match */
                street?: string;
                /** @description exact match */
                address?: string;
                /** @description exact match */
                owner_uscc?: string;
                /** @description exact match */
                contractor_uscc?: string;
                /** @description exact match */
                contract_amount?: string;
                /** @description inclusive lower bound */
                contract_amount_from?: string;
                /** @description inclusive upper bound */
                contract_amount_to?: string;
                /** @description exact match */
                contract_date?: string;
                /** @description inclusive lower bound */
                contract_date_from?: string;
                /** @description inclusive upper bound */
                contract_date_to?: string;
                /** @description exact match */
                start_date?: string;
                /** @description inclusive lower bound */
                start_date_from?: string;
                /** @description inclusive upper bound */
                start_date_to?: string;
                /** @description exact match */
                planned_end_date?: string;
                /** @description inclusive lower bound */
                planned_end_date_from?: string;
                /** @description inclusive upper bound */
                planned_end_date_to?: string;
                /** @description exact match */
                end_date?: string;
                /** @description inclusive lower bound */
                end_date_from?: string;
                /** @description inclusive upper bound */
                end_date_to?: string;
                /** @description exact match */
                status?: string;
                /** @description exact match */
                labor_cost_cycle_days?: string;
                /** @description inclusive lower bound */
                labor_cost_cycle_days_from?: string;
                /** @description inclusive upper bound */
                labor_cost_cycle_days_to?: string;
                /** @description exact match */
                wage_day?: string;
                /** @description inclusive lower bound */
                wage_day_from?: string;
                /** @description inclusive upper bound */
                wage_day_to?: string;
                /** @description exact match */
                board_installed_date?: string;
                /** @description inclusive lower bound */
                board_installed_date_from?: string;
                /** @description inclusive upper bound */
                board_installed_date_to?: string;
                /** @description exact match */
                labor_officer?: string;
                /** @description exact match (personal: only for a role that sees it in full, else 400 personal_field) */
                labor_officer_phone?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Unavailable"];
        };
    };
    exportWorkers: {
        parameters: {
            query?: {
                /** @description csv (default) or xlsx */
                format?: "csv" | "xlsx";
                /** @description Chinese (default) or English column headers */
                header?: "zh" | "en";
                /** @description personal fields in full (permission export_unmasked; audited) */
                unmasked?: boolean;
                /** @description display (default: Chinese labels, names beside codes) or exchange (the data-exchange standard, re-importable) */
                layout?: "display" | "exchange";
                /** @description FIELD or -FIELD (descending) */
                sort?: string;
                /** @description substring of the searchable fields, or a full key; a full ID number only for a role that sees personal data */
                q?: string;
                /** @description the day the figures are for (default: today, Asia/Shanghai) */
                as_of?: string;
                /** @description exact match (personal: only for a role that sees it in full, else 400 personal_field) */
                id_number?: string;
                /** @description exact match */
                name?: string;
                /** @description exact match (personal: only for a role that sees it in full, else 400 personal_field) */
                phone?: string;
                /** @description exact match */
                bank_name?: string;
                /** @description exact match (personal: only for a role that sees it in full, else 400 personal_field) */
                bank_card?: string;
                /** @description exact match (personal: only for a role that sees it in full, else 400 personal_field) */
                birth_date?: string;
                /** @description inclusive lower bound */
                birth_date_from?: string;
                /** @description inclusive upper bound */
                birth_date_to?: string;
                /** @description exact match */
                sex?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Unavailable"];
        };
    };
    exportEmployments: {
        parameters: {
            query?: {
                /** @description csv (default) or xlsx */
                format?: "csv" | "xlsx";
                /** @description Chinese (default) or English column headers */
                header?: "zh" | "en";
                /** @description personal fields in full (permission export_unmasked; audited) */
                unmasked?: boolean;
                /** @description display (default: Chinese labels, names beside codes) or exchange (the data-exchange standard, re-importable) */
                layout?: "display" | "exchange";
                /** @description FIELD or -FIELD (descending) */
                sort?: string;
                /** @description substring of the searchable fields, or a full key; a full ID number only for a role that sees personal data */
                q?: string;
                /** @description the day the figures are for (default: today, Asia/Shanghai) */
                as_of?: string;
                /** @description exact match */
                project_code?: string;
                /** @description exact match (personal: only for a role that sees it in full, else 400 personal_field) */
                worker_id_number?: string;
                /** @description exact match */
                entry_date?: string;
                /** @description inclusive lower bound */
                entry_date_from?: string;
                /** @description inclusive upper bound */
                entry_date_to?: string;
                /** @description exact match */
                employer_uscc?: string;
                /** @description exact match */
                exit_date?: string;
                /** @description inclusive lower bound */
                exit_date_from?: string;
                /** @description inclusive upper bound */
                exit_date_to?: string;
                /** @description exact match */
                team?: string;
                /** @description exact match */
                trade?: string;
                /** @description exact match */
                contract_signed_date?: string;
                /** @description inclusive lower bound */
                contract_signed_date_from?: string;
                /** @description inclusive upper bound */
                contract_signed_date_to?: string;
                /** @description exact match */
                wage_basis?: string;
                /** @description exact match */
                wage_rate?: string;
                /** @description inclusive lower bound */
                wage_rate_from?: string;
                /** @description inclusive upper bound */
                wage_rate_to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Unavailable"];
        };
    };
    exportAttendance: {
        parameters: {
            query?: {
                /** @description csv (default) or xlsx */
                format?: "csv" | "xlsx";
                /** @description Chinese (default) or English column headers */
                header?: "zh" | "en";
                /** @description personal fields in full (permission export_unmasked; audited) */
                unmasked?: boolean;
                /** @description display (default: Chinese labels, names beside codes) or exchange (the data-exchange standard, re-importable) */
                layout?: "display" | "exchange";
                /** @description FIELD or -FIELD (descending) */
                sort?: string;
                /** @description substring of the searchable fields, or a full key; a full ID number only for a role that sees personal data */
                q?: string;
                /** @description the day the figures are for (default: today, Asia/Shanghai) */
                as_of?: string;
                /** @description exact match */
                project_code?: string;
                /** @description exact match (personal: only for a role that sees it in full, else 400 personal_field) */
                worker_id_number?: string;
                /** @description exact match */
                date?: string;
                /** @description inclusive lower bound */
                date_from?: string;
                /** @description inclusive upper bound */
                date_to?: string;
                /** @description exact match */
                hours?: string;
                /** @description inclusive lower bound */
                hours_from?: string;
                /** @description inclusive upper bound */
                hours_to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Unavailable"];
        };
    };
    exportPayroll: {
        parameters: {
            query?: {
                /** @description csv (default) or xlsx */
                format?: "csv" | "xlsx";
                /** @description Chinese (default) or English column headers */
                header?: "zh" | "en";
                /** @description personal fields in full (permission export_unmasked; audited) */
                unmasked?: boolean;
                /** @description display (default: Chinese labels, names beside codes) or exchange (the data-exchange standard, re-importable) */
                layout?: "display" | "exchange";
                /** @description FIELD or -FIELD (descending) */
                sort?: string;
                /** @description substring of the searchable fields, or a full key; a full ID number only for a role that sees personal data */
                q?: string;
                /** @description the day the figures are for (default: today, Asia/Shanghai) */
                as_of?: string;
                /** @description exact match */
                project_code?: string;
                /** @description exact match (personal: only for a role that sees it in full, else 400 personal_field) */
                worker_id_number?: string;
                /** @description exact match */
                period?: string;
                /** @description inclusive lower bound */
                period_from?: string;
                /** @description inclusive upper bound */
                period_to?: string;
                /** @description exact match */
                employer_uscc?: string;
                /** @description exact match */
                days_worked?: string;
                /** @description inclusive lower bound */
                days_worked_from?: string;
                /** @description inclusive upper bound */
                days_worked_to?: string;
                /** @description exact match */
                amount_due?: string;
                /** @description inclusive lower bound */
                amount_due_from?: string;
                /** @description inclusive upper bound */
                amount_due_to?: string;
                /** @description exact match */
                amount_paid?: string;
                /** @description inclusive lower bound */
                amount_paid_from?: string;
                /** @description inclusive upper bound */
                amount_paid_to?: string;
                /** @description exact match */
                paid_date?: string;
                /** @description inclusive lower bound */
                paid_date_from?: string;
                /** @description inclusive upper bound */
                paid_date_to?: string;
                /** @description exact match */
                channel?: string;
                /** @description exact match */
                worker_confirmed?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Unavailable"];
        };
    };
    exportAccounts: {
        parameters: {
            query?: {
                /** @description csv (default) or xlsx */
                format?: "csv" | "xlsx";
                /** @description Chinese (default) or English column headers */
                header?: "zh" | "en";
                /** @description personal fields in full (permission export_unmasked; audited) */
                unmasked?: boolean;
                /** @description display (default: Chinese labels, names beside codes) or exchange (the data-exchange standard, re-importable) */
                layout?: "display" | "exchange";
                /** @description FIELD or -FIELD (descending) */
                sort?: string;
                /** @description substring of the searchable fields, or a full key; a full ID number only for a role that sees personal data */
                q?: string;
                /** @description the day the figures are for (default: today, Asia/Shanghai) */
                as_of?: string;
                /** @description exact match */
                account_no?: string;
                /** @description exact match */
                project_code?: string;
                /** @description exact match */
                bank_name?: string;
                /** @description exact match */
                opened_date?: string;
                /** @description inclusive lower bound */
                opened_date_from?: string;
                /** @description inclusive upper bound */
                opened_date_to?: string;
                /** @description exact match */
                closed_date?: string;
                /** @description inclusive lower bound */
                closed_date_from?: string;
                /** @description inclusive upper bound */
                closed_date_to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Unavailable"];
        };
    };
    exportTransactions: {
        parameters: {
            query?: {
                /** @description csv (default) or xlsx */
                format?: "csv" | "xlsx";
                /** @description Chinese (default) or English column headers */
                header?: "zh" | "en";
                /** @description personal fields in full (permission export_unmasked; audited) */
                unmasked?: boolean;
                /** @description display (default: Chinese labels, names beside codes) or exchange (the data-exchange standard, re-importable) */
                layout?: "display" | "exchange";
                /** @description FIELD or -FIELD (descending) */
                sort?: string;
                /** @description substring of the searchable fields, or a full key; a full ID number only for a role that sees personal data */
                q?: string;
                /** @description the day the figures are for (default: today, Asia/Shanghai) */
                as_of?: string;
                /** @description exact match */
                account_no?: string;
                /** @description exact match */
                txn_id?: string;
                /** @description exact match */
                txn_date?: string;
                /** @description inclusive lower bound */
                txn_date_from?: string;
                /** @description inclusive upper bound */
                txn_date_to?: string;
                /** @description exact match */
                kind?: string;
                /** @description exact match */
                amount?: string;
                /** @description inclusive lower bound */
                amount_from?: string;
                /** @description inclusive upper bound */
                amount_to?: string;
                /** @description exact match (personal: only for a role that sees it in full, else 400 personal_field) */
                worker_id_number?: string;
                /** @description exact match */
                period?: string;
                /** @description inclusive lower bound */
                period_from?: string;
                /** @description inclusive upper bound */
                period_to?: string;
                /** @description exact match */
                counterparty?: string;
                /** @description exact match */
                memo?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Unavailable"];
        };
    };
    exportDeposits: {
        parameters: {
            query?: {
                /** @description csv (default) or xlsx */
                format?: "csv" | "xlsx";
                /** @description Chinese (default) or English column headers */
                header?: "zh" | "en";
                /** @description personal fields in full (permission export_unmasked; audited) */
                unmasked?: boolean;
                /** @description display (default: Chinese labels, names beside codes) or exchange (the data-exchange standard, re-importable) */
                layout?: "display" | "exchange";
                /** @description FIELD or -FIELD (descending) */
                sort?: string;
                /** @description substring of the searchable fields, or a full key; a full ID number only for a role that sees personal data */
                q?: string;
                /** @description the day the figures are for (default: today, Asia/Shanghai) */
                as_of?: string;
                /** @description exact match */
                project_code?: string;
                /** @description exact match */
                deposit_no?: string;
                /** @description exact match */
                form?: string;
                /** @description exact match */
                amount?: string;
                /** @description inclusive lower bound */
                amount_from?: string;
                /** @description inclusive upper bound */
                amount_to?: string;
                /** @description exact match */
                deposit_date?: string;
                /** @description inclusive lower bound */
                deposit_date_from?: string;
                /** @description inclusive upper bound */
                deposit_date_to?: string;
                /** @description exact match */
                expiry_date?: string;
                /** @description inclusive lower bound */
                expiry_date_from?: string;
                /** @description inclusive upper bound */
                expiry_date_to?: string;
                /** @description exact match */
                released_date?: string;
                /** @description inclusive lower bound */
                released_date_from?: string;
                /** @description inclusive upper bound */
                released_date_to?: string;
                /** @description exact match */
                issuer?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Unavailable"];
        };
    };
    exportMinWages: {
        parameters: {
            query?: {
                /** @description csv (default) or xlsx */
                format?: "csv" | "xlsx";
                /** @description Chinese (default) or English column headers */
                header?: "zh" | "en";
                /** @description personal fields in full (permission export_unmasked; audited) */
                unmasked?: boolean;
                /** @description display (default: Chinese labels, names beside codes) or exchange (the data-exchange standard, re-importable) */
                layout?: "display" | "exchange";
                /** @description FIELD or -FIELD (descending) */
                sort?: string;
                /** @description substring of the searchable fields, or a full key; a full ID number only for a role that sees personal data */
                q?: string;
                /** @description the day the figures are for (default: today, Asia/Shanghai) */
                as_of?: string;
                /** @description exact match */
                region_code?: string;
                /** @description exact match */
                effective_from?: string;
                /** @description inclusive lower bound */
                effective_from_from?: string;
                /** @description inclusive upper bound */
                effective_from_to?: string;
                /** @description exact match */
                monthly?: string;
                /** @description inclusive lower bound */
                monthly_from?: string;
                /** @description inclusive upper bound */
                monthly_to?: string;
                /** @description exact match */
                hourly?: string;
                /** @description inclusive lower bound */
                hourly_from?: string;
                /** @description inclusive upper bound */
                hourly_to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Unavailable"];
        };
    };
    templateEnterprises: {
        parameters: {
            query?: {
                /** @description csv (default) or xlsx */
                format?: "csv" | "xlsx";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Unavailable"];
        };
    };
    templateProjects: {
        parameters: {
            query?: {
                /** @description csv (default) or xlsx */
                format?: "csv" | "xlsx";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Unavailable"];
        };
    };
    templateWorkers: {
        parameters: {
            query?: {
                /** @description csv (default) or xlsx */
                format?: "csv" | "xlsx";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Unavailable"];
        };
    };
    templateEmployments: {
        parameters: {
            query?: {
                /** @description csv (default) or xlsx */
                format?: "csv" | "xlsx";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Unavailable"];
        };
    };
    templateAttendance: {
        parameters: {
            query?: {
                /** @description csv (default) or xlsx */
                format?: "csv" | "xlsx";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Unavailable"];
        };
    };
    templatePayroll: {
        parameters: {
            query?: {
                /** @description csv (default) or xlsx */
                format?: "csv" | "xlsx";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Unavailable"];
        };
    };
    templateAccounts: {
        parameters: {
            query?: {
                /** @description csv (default) or xlsx */
                format?: "csv" | "xlsx";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Unavailable"];
        };
    };
    templateTransactions: {
        parameters: {
            query?: {
                /** @description csv (default) or xlsx */
                format?: "csv" | "xlsx";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Unavailable"];
        };
    };
    templateDeposits: {
        parameters: {
            query?: {
                /** @description csv (default) or xlsx */
                format?: "csv" | "xlsx";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Unavailable"];
        };
    };
    templateMinWages: {
        parameters: {
            query?: {
                /** @description csv (default) or xlsx */
                format?: "csv" | "xlsx";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Unavailable"];
        };
    };
    listEnterprises: {
        parameters: {
            query?: {
                /** @description 1-based page */
                page?: number;
                /** @description items per page */
                per_page?: number;
                /** @description FIELD or -FIELD (descending) */
                sort?: string;
                /** @description substring of the searchable fields, or a full key; a full ID number only for a role that sees personal data */
                q?: string;
                /** @description exact match */
                uscc?: string;
                /** @description exact match */
                name?: string;
                /** @description exact match */
                kind?: string;
                /** @description exact match */
                region_code?: string;
                /** @description exact match */
                street?: string;
                /** @description exact match */
                legal_rep?: string;
                /** @description exact match */
                phone?: string;
                /** @description exact match */
                union_established?: string;
                /** @description exact match */
                employees?: string;
                /** @description inclusive lower bound */
                employees_from?: string;
                /** @description inclusive upper bound */
                employees_to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["enterprisesPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Unavailable"];
        };
    };
    createEnterprises: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["enterprises"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["enterprisesWritten"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["TooLarge"];
            422: components["responses"]["InvalidRows"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Unavailable"];
        };
    };
    listProjects: {
        parameters: {
            query?: {
                /** @description 1-based page */
                page?: number;
                /** @description items per page */
                per_page?: number;
                /** @description FIELD or -FIELD (descending) */
                sort?: string;
                /** @description substring of the searchable fields, or a full key; a full ID number only for a role that sees personal data */
                q?: string;
                /** @description exact match */
                code?: string;
                /** @description exact match */
                name?: string;
                /** @description exact match */
                region_code?: string;
                /** @description exact match */
                street?: string;
                /** @description exact match */
                address?: string;
                /** @description exact match */
                owner_uscc?: string;
                /** @description exact match */
                contractor_uscc?: string;
                /** @description exact match */
                contract_amount?: string;
                /** @description inclusive lower bound */
                contract_amount_from?: string;
                /** @description inclusive upper bound */
                contract_amount_to?: string;
                /** @description exact match */
                contract_date?: string;
                /** @description inclusive lower bound */
                contract_date_from?: string;
                /** @description inclusive upper bound */
                contract_date_to?: string;
                /** @description exact match */
                start_date?: string;
                /** @description inclusive lower bound */
                start_date_from?: string;
                /** @description inclusive upper bound */
                start_date_to?: string;
                /** @description exact match */
                planned_end_date?: string;
                /** @description inclusive lower bound */
                planned_end_date_from?: string;
                /** @description inclusive upper bound */
                planned_end_date_to?: string;
                /** @description exact match */
                end_date?: string;
                /** @description inclusive lower bound */
                end_date_from?: string;
                /** @description inclusive upper bound */
                end_date_to?: string;
                /** @description exact match */
                status?: string;
                /** @description exact match */
                labor_cost_cycle_days?: string;
                /** @description inclusive lower bound */
                labor_cost_cycle_days_from?: string;
                /** @description inclusive upper bound */
                labor_cost_cycle_days_to?: string;
                /** @description exact match */
                wage_day?: string;
                /** @description inclusive lower bound */
                wage_day_from?: string;
                /** @description inclusive upper bound */
                wage_day_to?: string;
                /** @description exact match */
                board_installed_date?: string;
                /** @description inclusive lower bound */
                board_installed_date_from?: string;
                /** @description inclusive upper bound */
                board_installed_date_to?: string;
                /** @description exact match */
                labor_officer?: string;
                /** @description exact match (personal: only for a role that sees it in full, else 400 personal_field) */
                labor_officer_phone?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["projectsPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Unavailable"];
        };
    };
    createProjects: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["projects"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["projectsWritten"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["TooLarge"];
            422: components["responses"]["InvalidRows"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Unavailable"];
        };
    };
    listWorkers: {
        parameters: {
            query?: {
                /** @description 1-based page */
                page?: number;
                /** @description items per page */
                per_page?: number;
                /** @description FIELD or -FIELD (descending) */
                sort?: string;
                /** @description substring of the searchable fields, or a full key; a full ID number only for a role that sees personal data */
                q?: string;
                /** @description exact match (personal: only for a role that sees it in full, else 400 personal_field) */
                id_number?: string;
                /** @description exact match */
                name?: string;
                /** @description exact match (personal: only for a role that sees it in full, else 400 personal_field) */
                phone?: string;
                /** @description exact match */
                bank_name?: string;
                /** @description exact match (personal: only for a role that sees it in full, else 400 personal_field) */
                bank_card?: string;
                /** @description exact match (personal: only for a role that sees it in full, else 400 personal_field) */
                birth_date?: string;
                /** @description inclusive lower bound */
                birth_date_from?: string;
                /** @description inclusive upper bound */
                birth_date_to?: string;
                /** @description exact match */
                sex?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["workersPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Unavailable"];
        };
    };
    createWorkers: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["workers"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["workersWritten"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["TooLarge"];
            422: components["responses"]["InvalidRows"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Unavailable"];
        };
    };
    listEmployments: {
        parameters: {
            query?: {
                /** @description 1-based page */
                page?: number;
                /** @description items per page */
                per_page?: number;
                /** @description FIELD or -FIELD (descending) */
                sort?: string;
                /** @description substring of the searchable fields, or a full key; a full ID number only for a role that sees personal data */
                q?: string;
                /** @description exact match */
                project_code?: string;
                /** @description exact match (personal: only for a role that sees it in full, else 400 personal_field) */
                worker_id_number?: string;
                /** @description exact match */
                entry_date?: string;
                /** @description inclusive lower bound */
                entry_date_from?: string;
                /** @description inclusive upper bound */
                entry_date_to?: string;
                /** @description exact match */
                employer_uscc?: string;
                /** @description exact match */
                exit_date?: string;
                /** @description inclusive lower bound */
                exit_date_from?: string;
                /** @description inclusive upper bound */
                exit_date_to?: string;
                /** @description exact match */
                team?: string;
                /** @description exact match */
                trade?: string;
                /** @description exact match */
                contract_signed_date?: string;
                /** @description inclusive lower bound */
                contract_signed_date_from?: string;
                /** @description inclusive upper bound */
                contract_signed_date_to?: string;
                /** @description exact match */
                wage_basis?: string;
                /** @description exact match */
                wage_rate?: string;
                /** @description inclusive lower bound */
                wage_rate_from?: string;
                /** @description inclusive upper bound */
                wage_rate_to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["employmentsPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Unavailable"];
        };
    };
    createEmployments: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["employments"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["employmentsWritten"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["TooLarge"];
            422: components["responses"]["InvalidRows"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Unavailable"];
        };
    };
    listAttendance: {
        parameters: {
            query?: {
                /** @description 1-based page */
                page?: number;
                /** @description items per page */
                per_page?: number;
                /** @description FIELD or -FIELD (descending) */
                sort?: string;
                /** @description substring of the searchable fields, or a full key; a full ID number only for a role that sees personal data */
                q?: string;
                /** @description exact match */
                project_code?: string;
                /** @description exact match (personal: only for a role that sees it in full, else 400 personal_field) */
                worker_id_number?: string;
                /** @description exact match */
                date?: string;
                /** @description inclusive lower bound */
                date_from?: string;
                /** @description inclusive upper bound */
                date_to?: string;
                /** @description exact match */
                hours?: string;
                /** @description inclusive lower bound */
                hours_from?: string;
                /** @description inclusive upper bound */
                hours_to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["attendancePage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Unavailable"];
        };
    };
    createAttendance: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["attendance"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["attendanceWritten"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["TooLarge"];
            422: components["responses"]["InvalidRows"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Unavailable"];
        };
    };
    listPayroll: {
        parameters: {
            query?: {
                /** @description 1-based page */
                page?: number;
                /** @description items per page */
                per_page?: number;
                /** @description FIELD or -FIELD (descending) */
                sort?: string;
                /** @description substring of the searchable fields, or a full key; a full ID number only for a role that sees personal data */
                q?: string;
                /** @description exact match */
                project_code?: string;
                /** @description exact match (personal: only for a role that sees it in full, else 400 personal_field) */
                worker_id_number?: string;
                /** @description exact match */
                period?: string;
                /** @description inclusive lower bound */
                period_from?: string;
                /** @description inclusive upper bound */
                period_to?: string;
                /** @description exact match */
                employer_uscc?: string;
                /** @description exact match */
                days_worked?: string;
                /** @description inclusive lower bound */
                days_worked_from?: string;
                /** @description inclusive upper bound */
                days_worked_to?: string;
                /** @description exact match */
                amount_due?: string;
                /** @description inclusive lower bound */
                amount_due_from?: string;
                /** @description inclusive upper bound */
                amount_due_to?: string;
                /** @description exact match */
                amount_paid?: string;
                /** @description inclusive lower bound */
                amount_paid_from?: string;
                /** @description inclusive upper bound */
                amount_paid_to?: string;
                /** @description exact match */
                paid_date?: string;
                /** @description inclusive lower bound */
                paid_date_from?: string;
                /** @description inclusive upper bound */
                paid_date_to?: string;
                /** @description exact match */
                channel?: string;
                /** @description exact match */
                worker_confirmed?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["payrollPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Unavailable"];
        };
    };
    createPayroll: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["payroll"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["payrollWritten"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["TooLarge"];
            422: components["responses"]["InvalidRows"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Unavailable"];
        };
    };
    listAccounts: {
        parameters: {
            query?: {
                /** @description 1-based page */
                page?: number;
                /** @description items per page */
                per_page?: number;
                /** @description FIELD or -FIELD (descending) */
                sort?: string;
                /** @description substring of the searchable fields, or a full key; a full ID number only for a role that sees personal data */
                q?: string;
                /** @description exact match */
                account_no?: string;
                /** @description exact match */
                project_code?: string;
                /** @description exact match */
                bank_name?: string;
                /** @description exact match */
                opened_date?: string;
                /** @description inclusive lower bound */
                opened_date_from?: string;
                /** @description inclusive upper bound */
                opened_date_to?: string;
                /** @description exact match */
                closed_date?: string;
                /** @description inclusive lower bound */
                closed_date_from?: string;
                /** @description inclusive upper bound */
                closed_date_to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["accountsPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Unavailable"];
        };
    };
    createAccounts: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["accounts"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["accountsWritten"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["TooLarge"];
            422: components["responses"]["InvalidRows"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Unavailable"];
        };
    };
    listTransactions: {
        parameters: {
            query?: {
                /** @description 1-based page */
                page?: number;
                /** @description items per page */
                per_page?: number;
                /** @description FIELD or -FIELD (descending) */
                sort?: string;
                /** @description substring of the searchable fields, or a full key; a full ID number only for a role that sees personal data */
                q?: string;
                /** @description exact match */
                account_no?: string;
                /** @description exact match */
                txn_id?: string;
                /** @description exact match */
                txn_date?: string;
                /** @description inclusive lower bound */
                txn_date_from?: string;
                /** @description inclusive upper bound */
                txn_date_to?: string;
                /** @description exact match */
                kind?: string;
                /** @description exact match */
                amount?: string;
                /** @description inclusive lower bound */
                amount_from?: string;
                /** @description inclusive upper bound */
                amount_to?: string;
                /** @description exact match (personal: only for a role that sees it in full, else 400 personal_field) */
                worker_id_number?: string;
                /** @description exact match */
                period?: string;
                /** @description inclusive lower bound */
                period_from?: string;
                /** @description inclusive upper bound */
                period_to?: string;
                /** @description exact match */
                counterparty?: string;
                /** @description exact match */
                memo?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["transactionsPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Unavailable"];
        };
    };
    createTransactions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["transactions"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["transactionsWritten"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["TooLarge"];
            422: components["responses"]["InvalidRows"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Unavailable"];
        };
    };
    listDeposits: {
        parameters: {
            query?: {
                /** @description 1-based page */
                page?: number;
                /** @description items per page */
                per_page?: number;
                /** @description FIELD or -FIELD (descending) */
                sort?: string;
                /** @description substring of the searchable fields, or a full key; a full ID number only for a role that sees personal data */
                q?: string;
                /** @description exact match */
                project_code?: string;
                /** @description exact match */
                deposit_no?: string;
                /** @description exact match */
                form?: string;
                /** @description exact match */
                amount?: string;
                /** @description inclusive lower bound */
                amount_from?: string;
                /** @description inclusive upper bound */
                amount_to?: string;
                /** @description exact match */
                deposit_date?: string;
                /** @description inclusive lower bound */
                deposit_date_from?: string;
                /** @description inclusive upper bound */
                deposit_date_to?: string;
                /** @description exact match */
                expiry_date?: string;
                /** @description inclusive lower bound */
                expiry_date_from?: string;
                /** @description inclusive upper bound */
                expiry_date_to?: string;
                /** @description exact match */
                released_date?: string;
                /** @description inclusive lower bound */
                released_date_from?: string;
                /** @description inclusive upper bound */
                released_date_to?: string;
                /** @description exact match */
                issuer?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["depositsPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Unavailable"];
        };
    };
    createDeposits: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["deposits"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["depositsWritten"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["TooLarge"];
            422: components["responses"]["InvalidRows"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Unavailable"];
        };
    };
    listMinWages: {
        parameters: {
            query?: {
                /** @description 1-based page */
                page?: number;
                /** @description items per page */
                per_page?: number;
                /** @description FIELD or -FIELD (descending) */
                sort?: string;
                /** @description substring of the searchable fields, or a full key; a full ID number only for a role that sees personal data */
                q?: string;
                /** @description exact match */
                region_code?: string;
                /** @description exact match */
                effective_from?: string;
                /** @description inclusive lower bound */
                effective_from_from?: string;
                /** @description inclusive upper bound */
                effective_from_to?: string;
                /** @description exact match */
                monthly?: string;
                /** @description inclusive lower bound */
                monthly_from?: string;
                /** @description inclusive upper bound */
                monthly_to?: string;
                /** @description exact match */
                hourly?: string;
                /** @description inclusive lower bound */
                hourly_from?: string;
                /** @description inclusive upper bound */
                hourly_to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["min_wagesPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Unavailable"];
        };
    };
    createMinWages: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["min_wages"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["min_wagesWritten"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["TooLarge"];
            422: components["responses"]["InvalidRows"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Unavailable"];
        };
    };
    getEnterprisesById: {
        parameters: {
            query?: {
                /** @description the day the figures are for (default: today, Asia/Shanghai) */
                as_of?: string;
            };
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["enterprisesDetail"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Unavailable"];
        };
    };
    updateEnterprisesById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["enterprisesWritten"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["TooLarge"];
            422: components["responses"]["InvalidRows"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Unavailable"];
        };
    };
    getProjectsById: {
        parameters: {
            query?: {
                /** @description the day the figures are for (default: today, Asia/Shanghai) */
                as_of?: string;
            };
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["projectsDetail"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Unavailable"];
        };
    };
    updateProjectsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["projectsWritten"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["TooLarge"];
            422: components["responses"]["InvalidRows"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Unavailable"];
        };
    };
    getWorkersById: {
        parameters: {
            query?: {
                /** @description the day the figures are for (default: today, Asia/Shanghai) */
                as_of?: string;
            };
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["workersDetail"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Unavailable"];
        };
    };
    updateWorkersById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["workersWritten"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["TooLarge"];
            422: components["responses"]["InvalidRows"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Unavailable"];
        };
    };
    getEmploymentsById: {
        parameters: {
            query?: {
                /** @description the day the figures are for (default: today, Asia/Shanghai) */
                as_of?: string;
            };
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["employmentsDetail"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Unavailable"];
        };
    };
    updateEmploymentsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["employmentsWritten"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["TooLarge"];
            422: components["responses"]["InvalidRows"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Unavailable"];
        };
    };
    getAttendanceById: {
        parameters: {
            query?: {
                /** @description the day the figures are for (default: today, Asia/Shanghai) */
                as_of?: string;
            };
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["attendanceDetail"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Unavailable"];
        };
    };
    updateAttendanceById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["attendanceWritten"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["TooLarge"];
            422: components["responses"]["InvalidRows"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Unavailable"];
        };
    };
    getPayrollById: {
        parameters: {
            query?: {
                /** @description the day the figures are for (default: today, Asia/Shanghai) */
                as_of?: string;
            };
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["payrollDetail"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Unavailable"];
        };
    };
    updatePayrollById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["payrollWritten"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["TooLarge"];
            422: components["responses"]["InvalidRows"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Unavailable"];
        };
    };
    getAccountsById: {
        parameters: {
            query?: {
                /** @description the day the figures are for (default: today, Asia/Shanghai) */
                as_of?: string;
            };
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["accountsDetail"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Unavailable"];
        };
    };
    updateAccountsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["accountsWritten"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["TooLarge"];
            422: components["responses"]["InvalidRows"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Unavailable"];
        };
    };
    getTransactionsById: {
        parameters: {
            query?: {
                /** @description the day the figures are for (default: today, Asia/Shanghai) */
                as_of?: string;
            };
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["transactionsDetail"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Unavailable"];
        };
    };
    updateTransactionsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["transactionsWritten"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["TooLarge"];
            422: components["responses"]["InvalidRows"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Unavailable"];
        };
    };
    getDepositsById: {
        parameters: {
            query?: {
                /** @description the day the figures are for (default: today, Asia/Shanghai) */
                as_of?: string;
            };
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["depositsDetail"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Unavailable"];
        };
    };
    updateDepositsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["depositsWritten"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["TooLarge"];
            422: components["responses"]["InvalidRows"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Unavailable"];
        };
    };
    getMinWagesById: {
        parameters: {
            query?: {
                /** @description the day the figures are for (default: today, Asia/Shanghai) */
                as_of?: string;
            };
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["min_wagesDetail"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Unavailable"];
        };
    };
    updateMinWagesById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["min_wagesWritten"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["TooLarge"];
            422: components["responses"]["InvalidRows"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Unavailable"];
        };
    };
    revealProjectsField: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RevealRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Revealed"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["TooLarge"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Unavailable"];
        };
    };
    revealWorkersField: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RevealRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Revealed"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["TooLarge"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Unavailable"];
        };
    };
    revealEmploymentsField: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RevealRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Revealed"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["TooLarge"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Unavailable"];
        };
    };
    revealAttendanceField: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RevealRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Revealed"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["TooLarge"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Unavailable"];
        };
    };
    revealPayrollField: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RevealRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Revealed"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["TooLarge"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Unavailable"];
        };
    };
    revealTransactionsField: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RevealRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Revealed"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["TooLarge"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Unavailable"];
        };
    };
    login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Session"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Unavailable"];
        };
    };
    logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ok"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Unavailable"];
        };
    };
    changePassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PasswordRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Session"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["TooLarge"];
            423: components["responses"]["Locked"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Unavailable"];
        };
    };
    getMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Me"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Unavailable"];
        };
    };
    listUsers: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Unavailable"];
        };
    };
    addUser: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UserAdd"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserAnswer"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["TooLarge"];
            422: components["responses"]["Invalid"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Unavailable"];
        };
    };
    disableUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                username: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserAnswer"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["Invalid"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Unavailable"];
        };
    };
    enableUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                username: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserAnswer"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["Invalid"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Unavailable"];
        };
    };
    resetUserPassword: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                username: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserAnswer"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["Invalid"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Unavailable"];
        };
    };
    unlockUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                username: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserAnswer"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["Invalid"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Unavailable"];
        };
    };
    listTokens: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Unavailable"];
        };
    };
    createToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TokenCreate"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenCreated"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["TooLarge"];
            422: components["responses"]["Invalid"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Unavailable"];
        };
    };
    revokeToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenAnswer"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["Invalid"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Unavailable"];
        };
    };
    listAudit: {
        parameters: {
            query?: {
                /** @description a user name or token:ID */
                actor?: string;
                /** @description an audit action (login, import, ...) */
                action?: string;
                /** @description from this day (inclusive) */
                since?: string;
                /** @description to this day (inclusive) */
                until?: string;
                /** @description 1-based page */
                page?: number;
                /** @description items per page */
                per_page?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Unavailable"];
        };
    };
    verifyAudit: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditVerify"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Unavailable"];
        };
    };
    listWarnings: {
        parameters: {
            query?: {
                /** @description open (default: 待处置 and 处置中), handling, eliminated or all */
                status?: "open" | "handling" | "eliminated" | "all";
                /** @description warning level */
                level?: "red" | "orange" | "yellow";
                /** @description a rule code (WAGE_UNPAID, ...) */
                rule?: string;
                /** @description a street (街镇) */
                street?: string;
                /** @description a project's code */
                project_code?: string;
                /** @description a month YYYY-MM */
                period?: string;
                /** @description the assignee's user name */
                assignee?: string;
                /** @description raised on or after */
                raised_from?: string;
                /** @description raised on or before */
                raised_to?: string;
                /** @description FIELD or -FIELD (descending) */
                sort?: string;
                /** @description 1-based page */
                page?: number;
                /** @description items per page */
                per_page?: number;
                /** @description 我的待办: assigned to the caller (and, by role, the street's unassigned ones or 复核 requests) */
                todo?: boolean;
                /** @description open on that day (raised by then, not eliminated by then) instead of status */
                open_on?: string;
                /** @description warnings an enterprise answers for or of projects it takes part in */
                enterprise_uscc?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WarningPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Unavailable"];
        };
    };
    listWarningRules: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Rule"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Unavailable"];
        };
    };
    getWarningStats: {
        parameters: {
            query?: {
                /** @description the trend's unit */
                trend?: "day" | "month";
                /** @description days (<= 366, default 30) or months (<= 120, default 12) */
                span?: number;
                /** @description the trend's last day (default: the last scan's as-of date) */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WarningStats"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Unavailable"];
        };
    };
    getWarning: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WarningDetail"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Unavailable"];
        };
    };
    eliminateWarning: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReasonRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WarningDetail"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["TooLarge"];
            422: components["responses"]["Invalid"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Unavailable"];
        };
    };
    assignWarning: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AssignRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WarningDetail"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["TooLarge"];
            422: components["responses"]["Invalid"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Unavailable"];
        };
    };
    escalateWarning: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NoteRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WarningDetail"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["TooLarge"];
            422: components["responses"]["Invalid"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Unavailable"];
        };
    };
    superviseWarning: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NoteRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WarningDetail"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["TooLarge"];
            422: components["responses"]["Invalid"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Unavailable"];
        };
    };
    confirmWarningElimination: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["NoteRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WarningDetail"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["TooLarge"];
            422: components["responses"]["Invalid"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Unavailable"];
        };
    };
    rejectWarningElimination: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReasonRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WarningDetail"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["TooLarge"];
            422: components["responses"]["Invalid"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Unavailable"];
        };
    };
    batchWarnings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, never>;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["TooLarge"];
            422: components["responses"]["Invalid"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Unavailable"];
        };
    };
    listWarningsByProject: {
        parameters: {
            query?: {
                /** @description open (default: 待处置 and 处置中), handling, eliminated or all */
                status?: "open" | "handling" | "eliminated" | "all";
                /** @description warning level */
                level?: "red" | "orange" | "yellow";
                /** @description a rule code (WAGE_UNPAID, ...) */
                rule?: string;
                /** @description a street (街镇) */
                street?: string;
                /** @description a project's code */
                project_code?: string;
                /** @description a month YYYY-MM */
                period?: string;
                /** @description the assignee's user name */
                assignee?: string;
                /** @description raised on or after */
                raised_from?: string;
                /** @description raised on or before */
                raised_to?: string;
                /** @description 1-based page */
                page?: number;
                /** @description items per page */
                per_page?: number;
                /** @description 我的待办: assigned to the caller (and, by role, the street's unassigned ones or 复核 requests) */
                todo?: boolean;
                /** @description open on that day (raised by then, not eliminated by then) instead of status */
                open_on?: string;
                /** @description warnings an enterprise answers for or of projects it takes part in */
                enterprise_uscc?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, never>;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Unavailable"];
        };
    };
    attachWarningFile: {
        parameters: {
            query?: {
                /** @description the file's name, for messages */
                filename?: string;
            };
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        /** @description the file itself (not a form): CSV (UTF-8 or GB18030) or XLSX */
        requestBody: {
            content: {
                "text/csv": string;
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                "application/octet-stream": string;
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, never>;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Unavailable"];
        };
    };
    getWarningFile: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
                fid: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Unavailable"];
        };
    };
    runScan: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["ScanRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScanAnswer"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["TooLarge"];
            422: components["responses"]["Invalid"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Unavailable"];
        };
    };
    listParams: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ParamList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Unavailable"];
        };
    };
    setParam: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                key: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ParamValue"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ParamAnswer"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["TooLarge"];
            422: components["responses"]["Invalid"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Unavailable"];
        };
    };
}
